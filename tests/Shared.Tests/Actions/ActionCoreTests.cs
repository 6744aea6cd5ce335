using System.Text;
using Tailpaste.Shared.Actions;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class ActionCoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("action-core-").FullName;
    private readonly StringWriter _stdout = new();

    public void Dispose()
    {
        _stdout.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_directory, name);

    private ActionCore Core(bool actions, Dictionary<string, string>? inputs = null)
    {
        var variables = new Dictionary<string, string>(inputs ?? []);
        if (actions)
        {
            variables["GITHUB_ACTIONS"] = "true";
            variables["GITHUB_OUTPUT"] = PathOf("output");
            variables["GITHUB_STATE"] = PathOf("state");
            variables["GITHUB_ENV"] = PathOf("env");
            variables["GITHUB_STEP_SUMMARY"] = PathOf("summary");
        }

        var values = InputValues.Gather(TestManifest.Manifest, variables, new Dictionary<string, string>());
        return new ActionCore(RunnerEnvironment.FromVariables(variables), TestManifest.Manifest, new ActionInputs(TestManifest.Manifest, values), _stdout);
    }

    private sealed record SampleOutputs(string Status, string ReportPath, double P95Ms);

    [Fact]
    public async Task Typed_outputs_go_to_the_output_file_under_their_kebab_case_names()
    {
        var core = Core(actions: true);

        await core.SetOutputsAsync(new SampleOutputs("healthy", "out/report.json", 12.5));

        Assert.Equal(
            [new("status", "healthy"), new("report-path", "out/report.json"), new("p95-ms", "12.5")],
            RunnerFile.Parse(PathOf("output")));
        Assert.Equal(string.Empty, _stdout.ToString());
    }

    [Fact]
    public async Task Outside_a_run_outputs_print_as_name_value_lines()
    {
        var core = Core(actions: false);

        await core.SetOutputAsync("status", "degraded");

        Assert.Equal("status=degraded\n", _stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Writing_an_undeclared_output_is_a_programming_error()
    {
        var core = Core(actions: true);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => core.SetOutputAsync("not-declared", "x"));
        Assert.Contains("does not declare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_and_env_use_their_own_files()
    {
        var core = Core(actions: true);

        await core.SaveStateAsync("container-id", "abc\ndef");
        await core.ExportVariableAsync("TAILPASTE_URL", "http://x");

        Assert.Equal([new("container-id", "abc\ndef")], RunnerFile.Parse(PathOf("state")));
        Assert.Equal([new("TAILPASTE_URL", "http://x")], RunnerFile.Parse(PathOf("env")));
    }

    [Fact]
    public void Secret_inputs_are_masked_for_the_runner_and_never_printed()
    {
        var core = Core(actions: true, new() { ["INPUT_UPLOAD-TOKEN"] = "tok-123456" });

        core.WriteWarning("request with tok-123456 failed");
        core.WriteInfo("Authorization: Bearer tok-123456");

        var lines = _stdout.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("::add-mask::tok-123456", lines[0]);
        Assert.Equal("::warning::request with *** failed", lines[1]);
        Assert.Equal("Authorization: Bearer ***", lines[2]);
    }

    [Fact]
    public void Outside_a_run_secrets_are_masked_without_printing_add_mask()
    {
        var core = Core(actions: false, new() { ["INPUT_UPLOAD-TOKEN"] = "tok-123456" });

        core.WriteError("bad tok-123456", new AnnotationProperties("a.yml", 3, 7));

        Assert.Equal("error: a.yml:3:7: bad ***\n", _stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Multi_line_secret_is_masked_line_by_line()
    {
        var core = Core(actions: true);
        core.SetSecret("line-one-secret\nline-two-secret");

        core.WriteInfo("saw line-two-secret alone");

        Assert.Contains("saw *** alone", _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("::add-mask::line-two-secret", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_failed_writes_an_error_and_remembers_it()
    {
        var core = Core(actions: true);
        Assert.False(core.Failed);

        core.SetFailed("service unhealthy");

        Assert.True(core.Failed);
        Assert.Equal("::error::service unhealthy\n", _stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Groups_use_group_commands_in_a_run()
    {
        var core = Core(actions: true);
        core.StartGroup("Checks");
        core.EndGroup();
        Assert.Equal("::group::Checks\n::endgroup::\n", _stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Summary_is_appended_to_the_step_summary_file()
    {
        var core = Core(actions: true, new() { ["INPUT_UPLOAD-TOKEN"] = "tok-123456" });
        core.Summary.AddHeading("Health").AddTable(["check", "status"], [["service", "passed"], ["token tok-123456", "a|b"]]);

        var written = await core.WriteSummaryAsync();

        var file = await File.ReadAllTextAsync(PathOf("summary"));
        Assert.False(written.Truncated);
        Assert.Contains("## Health", file, StringComparison.Ordinal);
        Assert.Contains("| service | passed |", file, StringComparison.Ordinal);
        Assert.Contains("| token *** | a\\|b |", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_summary_is_cut_to_the_limit_with_a_note_and_a_warning()
    {
        var core = Core(actions: true);
        await File.WriteAllTextAsync(PathOf("summary"), new string('x', 1000));
        var row = new string('r', 1000);
        core.Summary.AddHeading("Big");
        foreach (var i in Enumerable.Range(0, 1200))
        {
            core.Summary.AddParagraph($"{i} {row}");
        }

        var written = await core.WriteSummaryAsync();

        var bytes = new FileInfo(PathOf("summary")).Length;
        Assert.True(written.Truncated);
        Assert.InRange(bytes, Summary.DefaultLimitBytes - 2100, Summary.DefaultLimitBytes);
        var text = await File.ReadAllTextAsync(PathOf("summary"), Encoding.UTF8);
        Assert.Contains("Summary truncated", text, StringComparison.Ordinal);
        Assert.Contains("::warning::The step summary was cut", _stdout.ToString(), StringComparison.Ordinal);
    }
}
