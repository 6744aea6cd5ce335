using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class ActionHostTests
{
    private sealed record Options(string ServiceUrl, int Attempts, bool DryRun);

    private static readonly ActionDefinition<Options> _action = new(
        "sample",
        TestManifest.Manifest,
        (inputs, _) => new Options(inputs.GetInput("service-url"), inputs.GetIntInput("attempts", 1, 10), inputs.GetBoolInput("dry-run")),
        async (options, core, ct) =>
        {
            await core.SetOutputAsync("status", $"{options.ServiceUrl} x{options.Attempts}", ct);
            return options.DryRun ? ExitCodes.Ok : ExitCodes.Failed;
        })
    {
        Aliases = new Dictionary<string, string> { ["export"] = "report-path" },
    };

    private static async Task<(int Code, string Stdout, string Stderr)> Run(Dictionary<string, string> variables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ActionHost.RunAsync(_action, args, variables, stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Help_lists_every_input_with_description_and_default()
    {
        var (code, stdout, _) = await Run([], "--help");

        Assert.Equal(ExitCodes.Ok, code);
        foreach (var input in TestManifest.Manifest.Inputs)
        {
            Assert.Contains("--" + input.Name, stdout, StringComparison.Ordinal);
            Assert.Contains(input.Description.Trim(), stdout, StringComparison.Ordinal);
        }

        Assert.Contains("(default: http://localhost:8080)", stdout, StringComparison.Ordinal);
        Assert.Contains("--report-path, --export", stdout, StringComparison.Ordinal);
        Assert.Contains("p95-ms: 95th percentile latency.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_of_run_is_the_exit_code_and_outputs_print_outside_a_run()
    {
        var (code, stdout, _) = await Run([], "--attempts", "4", "--dry-run");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("status=http://localhost:8080 x4\n", stdout);
        Assert.Equal(ExitCodes.Failed, (await Run([])).Code);
    }

    [Fact]
    public async Task Bad_input_exits_two_with_the_input_value_and_expectation()
    {
        var (code, stdout, stderr) = await Run([], "--attempts", "many");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Input 'attempts' has the value 'many': expected a whole number from 1 to 10.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_in_a_run_is_an_error_annotation()
    {
        var (code, stdout, _) = await Run(new() { ["GITHUB_ACTIONS"] = "true", ["INPUT_DRY-RUN"] = "yes" });

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("::error title=Bad input::Input 'dry-run' has the value 'yes': expected true or false.\n", stdout);
    }

    [Fact]
    public async Task Unknown_flag_exits_two()
    {
        var (code, _, stderr) = await Run([], "--no-such-thing");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--no-such-thing", stderr, StringComparison.Ordinal);
    }

    private static readonly ActionDefinition<Options> _crashing = _action with
    {
        Run = (options, core, ct) =>
        {
            core.Summary.AddHeading("Partial work", 2);
            throw new InvalidOperationException("the engine said no\n::error::forged");
        },
    };

    [Fact]
    public async Task An_exception_that_escapes_the_action_is_exit_one_with_an_error_annotation_and_no_stack_trace()
    {
        using var folder = new TempFolder();
        var summary = Path.Combine(folder.Path, "summary.md");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var variables = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };

        var code = await ActionHost.RunAsync(_crashing, [], variables, stdout, stderr);

        Assert.Equal(ExitCodes.Failed, code);
        var lines = stdout.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var line = Assert.Single(lines);
        Assert.StartsWith("::error title=sample failed::sample stopped on an error it did not expect (InvalidOperationException: the engine said no%0A::error::forged)", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("## Partial work", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_debug_logging_the_crash_carries_the_stack_trace()
    {
        var (code, stdout, _) = await RunWith(_crashing, new() { ["GITHUB_ACTIONS"] = "true", ["RUNNER_DEBUG"] = "1" });

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("%0A   at ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_a_run_the_crash_is_one_plain_error_line_that_cannot_act_as_a_command()
    {
        var (code, stdout, _) = await RunWith(_crashing, []);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.StartsWith("error: sample stopped on an error it did not expect", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(stdout.Split('\n'), l => l.TrimStart().StartsWith("::", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plain_argument_is_bad_input_for_an_action_without_usage()
    {
        var (code, _, stderr) = await Run([], "--dry-run", "0");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("Input 'dry-run' has the value '0': expected true or false.", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunWith(ActionDefinition<Options> action, Dictionary<string, string> variables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ActionHost.RunAsync(action, args, variables, stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("host-tests-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
