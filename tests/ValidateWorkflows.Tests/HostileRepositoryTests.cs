using System.Text.Json;
using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests;

/// <summary>
/// Repository content is hostile: workflow files and local actions that are symbolic links out of the
/// repository, devices, FIFOs and huge files are refused with a finding and never read.
/// </summary>
public sealed class HostileRepositoryTests : IDisposable
{
    private const string Secret = "token: SECRET-VALUE-7f3a";
    private readonly TempRepository _repository = new();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "validate-workflows-outside-" + Guid.NewGuid().ToString("N"));

    public HostileRepositoryTests()
    {
        Directory.CreateDirectory(_outside);
    }

    public void Dispose()
    {
        _repository.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public async Task A_workflow_linked_to_a_file_outside_the_repository_is_refused_and_never_printed()
    {
        var target = Path.Combine(_outside, "credentials.yml");
        File.WriteAllText(target, Secret + "\nnot: [valid\n");
        Link(TempRepository.WorkflowPath, target);

        var findings = _repository.Lint(TempRepository.WorkflowPath);
        var run = await CliRun.RunAsync(["--root", _repository.Root, "--format", "text"]);

        var finding = Expect.At(findings, "file-access", 1, 1);
        Assert.Contains("outside the repository", finding.Message, StringComparison.Ordinal);
        Assert.Single(findings);
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("SECRET-VALUE", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_linked_to_dev_zero_is_refused_without_reading()
    {
        Link(TempRepository.WorkflowPath, "/dev/zero");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var findings = _repository.Lint(TempRepository.WorkflowPath);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("file-access", Assert.Single(findings).Rule);
        Assert.True(allocated < 8L * 1024 * 1024, $"refusing /dev/zero allocated {allocated / 1024} KiB");
    }

    [Fact]
    public async Task A_workflow_linked_to_a_fifo_is_refused_without_blocking()
    {
        var fifo = Path.Combine(_outside, "pipe");
        MakeFifo(fifo);
        Link(TempRepository.WorkflowPath, fifo);

        var lint = Task.Run(() => _repository.Lint(TempRepository.WorkflowPath));
        var finished = await Task.WhenAny(lint, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.True(finished == lint, "linting a link to a FIFO blocked");
        Assert.Equal("file-access", Assert.Single(await lint).Rule);
    }

    [Fact]
    public async Task A_fifo_inside_the_repository_is_never_opened()
    {
        MakeFifo(Path.Combine(_repository.Root, ".github", "workflows", "pipe.yml"));

        var lint = Task.Run(() => _repository.Lint(".github/workflows/pipe.yml"));
        var finished = await Task.WhenAny(lint, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.True(finished == lint, "linting a FIFO blocked");
        Assert.NotEmpty(await lint);
    }

    [Fact]
    public void A_600_MB_file_is_refused_by_its_size_before_it_is_read()
    {
        var path = _repository.Write(TempRepository.WorkflowPath, string.Empty);
        using (var stream = File.OpenWrite(path))
        {
            stream.SetLength(600L * 1024 * 1024);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var findings = _repository.Lint(TempRepository.WorkflowPath);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var finding = Assert.Single(findings);
        Assert.Equal("yaml-limits", finding.Rule);
        Assert.Contains("629145600 bytes", finding.Message, StringComparison.Ordinal);
        Assert.True(allocated < 8L * 1024 * 1024, $"refusing a 600 MB file allocated {allocated / 1024} KiB");
    }

    [Theory]
    [InlineData("./../../..")]
    [InlineData("./..")]
    [InlineData("./actions/../../x")]
    public void A_local_action_path_that_leaves_the_repository_is_flagged(string uses)
    {
        _repository.Write(TempRepository.WorkflowPath, Workflow(uses));

        var findings = _repository.Lint(TempRepository.WorkflowPath);

        var finding = Expect.At(findings, "local-action", 7, 15);
        Assert.Contains("outside the repository", finding.Message, StringComparison.Ordinal);
        Assert.Single(findings, f => f.Rule == "local-action");
    }

    [Fact]
    public void An_action_outside_the_repository_is_never_read()
    {
        // An action.yml that would produce a finding (an unknown input) if it were read.
        WriteOutsideAction(_outside);
        _repository.Write(TempRepository.WorkflowPath, Workflow("./../" + Path.GetFileName(_outside)));

        var findings = _repository.Lint(TempRepository.WorkflowPath);

        var finding = Expect.At(findings, "local-action", 7, 15);
        Assert.Contains("outside the repository", finding.Message, StringComparison.Ordinal);
        Assert.Single(findings, f => f.Rule == "local-action");
    }

    [Fact]
    public void A_local_action_folder_linked_outside_the_repository_is_flagged_and_never_read()
    {
        WriteOutsideAction(_outside);
        Directory.CreateDirectory(Path.Combine(_repository.Root, "actions"));
        Directory.CreateSymbolicLink(Path.Combine(_repository.Root, "actions", "linked"), _outside);
        _repository.Write(TempRepository.WorkflowPath, Workflow("./actions/linked"));

        var findings = _repository.Lint(TempRepository.WorkflowPath);

        var finding = Expect.At(findings, "local-action", 7, 15);
        Assert.Contains("outside the repository", finding.Message, StringComparison.Ordinal);
        Assert.Single(findings, f => f.Rule == "local-action");
    }

    [Fact]
    public void A_reusable_workflow_outside_the_repository_is_flagged_and_never_read()
    {
        File.WriteAllText(Path.Combine(_outside, "called.yml"), "on:\n  workflow_call:\n    inputs:\n      x:\n        type: string\n        required: true\njobs: {}\n");
        _repository.Write(TempRepository.WorkflowPath, $$"""
            on: push
            permissions: {}
            jobs:
              call:
                uses: ./../{{Path.GetFileName(_outside)}}/called.yml
            """);

        var findings = _repository.Lint(TempRepository.WorkflowPath);

        var finding = Expect.At(findings, "reusable-workflow", 5, 11);
        Assert.Contains("outside the repository", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Message.Contains("requires input", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_config_that_ignores_every_file_is_a_warning_that_nothing_was_linted()
    {
        _repository.Write(TempRepository.WorkflowPath, "on: push\njobs:\n  a:\n    runs-on: gpu-box\n    steps:\n      - run: true\n");
        _repository.Write(".github/validate-workflows.yml", "ignore-paths:\n  - .github/\n");

        var run = await CliRun.RunAsync(["--root", _repository.Root, "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        var finding = Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray());
        Assert.Equal("nothing-linted", finding.GetProperty("rule").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal(".github/validate-workflows.yml", finding.GetProperty("file").GetString());
        Assert.Equal(1, finding.GetProperty("line").GetInt32());
        Assert.Equal(1, (await CliRun.RunAsync(["--root", _repository.Root, "--fail-on-warning"])).ExitCode);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public async Task A_finding_quoting_a_newline_and_a_workflow_command_forges_no_command_in_any_format(string format)
    {
        // The runner label is quoted in the finding's message; "\n::error::x" in it must not start a line.
        _repository.Write(TempRepository.WorkflowPath, "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: \"gpu\\n::error::forged\\n::set-output name=x::y\"\n    steps:\n      - run: echo\n");
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = _repository.Write("github-output", string.Empty),
            ["GITHUB_STEP_SUMMARY"] = _repository.Write("github-summary", string.Empty),
        };

        var run = await CliRun.RunAsync(["--root", _repository.Root, "--format", format, TempRepository.WorkflowPath], variables);

        Assert.Equal(1, run.ExitCode);
        var commands = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.All(commands, line => Assert.Matches("^::(error|warning) file=", line));
        Assert.DoesNotContain(run.Stdout.Split('\n'), l => l.TrimStart().StartsWith("::error::", StringComparison.Ordinal) || l.TrimStart().StartsWith("::set-output", StringComparison.Ordinal));
    }

    private static string Workflow(string uses) => $"""
        on: push
        permissions: {"{}"}
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: {uses}
                with:
                  not-an-input: x
        """;

    private static void WriteOutsideAction(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "action.yml"), "name: outside\ndescription: " + Secret + "\ninputs: {}\nruns:\n  using: node20\n  main: x.js\n");
    }

    private void Link(string relativePath, string target)
    {
        var path = Path.Combine(_repository.Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Fifo.Create(path);
    }
}
