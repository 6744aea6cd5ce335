using System.Text.Json;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests;

/// <summary>The action as a command line: formats, exit codes, config, and bad input (exit 2, nothing written).</summary>
public sealed class CliTests : IDisposable
{
    private const string Clean = """
        on: push
        permissions: {}
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: echo ok
        """;

    private const string OneError = """
        on: push
        permissions: {}
        jobs:
          build:
            runs-on: gpu-box
            steps:
              - run: echo ok
        """;

    private const string OneWarning = """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: echo ok
        """;

    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Clean_repository_exits_0_and_lints_the_default_paths()
    {
        _repository.Write(".github/workflows/a.yml", Clean);
        _repository.Write(".github/workflows/b.yaml", Clean);
        _repository.Write(".github/workflows/notes.txt", "not yaml: [");
        _repository.Write("actions/x/action.yml", "name: x\ndescription: x\nruns:\n  using: node20\n  main: index.js\n");
        _repository.Write("node_modules/y/action.yml", "not: an action");

        var run = await Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3 file(s) linted: 0 error(s), 0 warning(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_exits_1_with_the_location_the_source_line_and_a_caret()
    {
        _repository.Write(TempRepository.WorkflowPath, OneError);

        var run = await Run();

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith(".github/workflows/test.yml:5:14: unknown runner label \"gpu-box\"", StringComparison.Ordinal));
        Assert.True(at >= 0, run.Stdout);
        Assert.EndsWith("[runner-label]", lines[at], StringComparison.Ordinal);
        Assert.Equal("5 |     runs-on: gpu-box", lines[at + 1]);
        Assert.Equal("  |              ^~~~~~~", lines[at + 2]);
    }

    [Fact]
    public async Task Warnings_exit_0_unless_fail_on_warning()
    {
        _repository.Write(TempRepository.WorkflowPath, OneWarning);

        var lenient = await Run();
        var strict = await Run("--fail-on-warning", "true");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("warning: job \"build\" runs with the repository's default token permissions", lenient.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public async Task Json_format_lists_the_findings_of_the_files_given_as_arguments()
    {
        _repository.Write(".github/workflows/a.yml", OneError);
        _repository.Write(".github/workflows/b.yml", OneWarning);
        _repository.Write(".github/workflows/c.yml", OneError);

        var run = await Run("--format", "json", ".github/workflows/a.yml", ".github/workflows/b.yml");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var error = items.Single(i => i.GetProperty("severity").GetString() == "error");
        Assert.Equal(".github/workflows/a.yml", error.GetProperty("file").GetString());
        Assert.Equal(5, error.GetProperty("line").GetInt32());
        Assert.Equal(14, error.GetProperty("column").GetInt32());
        Assert.Equal(21, error.GetProperty("endColumn").GetInt32());
        Assert.Equal("runner-label", error.GetProperty("rule").GetString());
        var warning = items.Single(i => i.GetProperty("severity").GetString() == "warning");
        Assert.Equal(".github/workflows/b.yml", warning.GetProperty("file").GetString());
        Assert.Equal("permissions-declared", warning.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Sarif_goes_to_stdout_and_to_sarif_path()
    {
        _repository.Write(TempRepository.WorkflowPath, OneError);

        var run = await Run("--format", "sarif", "--sarif-path", "out/lint.sarif");

        Assert.Equal(1, run.ExitCode);
        foreach (var text in new[] { run.Stdout, File.ReadAllText(Path.Combine(_repository.Root, "out", "lint.sarif")) })
        {
            using var sarif = JsonDocument.Parse(text);
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            var tool = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
            var rules = tool.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
            Assert.Equal("runner-label", result.GetProperty("ruleId").GetString());
            Assert.Equal("runner-label", rules[result.GetProperty("ruleIndex").GetInt32()]);
            Assert.Equal("error", result.GetProperty("level").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal(".github/workflows/test.yml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(5, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(14, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        }
    }

    [Fact]
    public async Task In_an_actions_run_findings_are_annotations_and_counts_are_outputs()
    {
        _repository.Write(TempRepository.WorkflowPath, OneError);
        var outputs = Path.Combine(_repository.Root, "github-output");
        var summary = Path.Combine(_repository.Root, "github-summary");
        File.WriteAllText(outputs, string.Empty);
        File.WriteAllText(summary, string.Empty);
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = outputs,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["INPUT_ROOT"] = _repository.Root,
        };

        var run = await CliRun.RunAsync([], variables);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error file=.github/workflows/test.yml,line=5,col=14,", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[runner-label]", run.Stdout, StringComparison.Ordinal);
        var written = File.ReadAllText(outputs);
        Assert.Matches("errors<<[^\n]+\n1\n", written);
        Assert.Matches("files<<[^\n]+\n1\n", written);
        Assert.Contains("| error | .github/workflows/test.yml:5:14 | runner-label |", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_config_file_adds_labels_disables_rules_and_ignores_paths()
    {
        _repository.Write(".github/workflows/a.yml", OneError);
        _repository.Write(".github/workflows/b.yml", OneWarning);
        _repository.Write(".github/workflows/experimental-c.yml", "on: nope\n");
        _repository.Write(".github/validate-workflows.yml", """
            runner-labels: [gpu-box]
            disabled-rules: [permissions-declared]
            ignore-paths: [".github/workflows/experimental-*.yml"]
            """);

        var run = await Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 file(s) linted: 0 error(s), 0 warning(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--format", "yaml" }, "'format' has the value 'yaml'", "text, json, sarif, github")]
    [InlineData(new[] { "no/such/file.yml" }, "'paths' has the value 'no/such/file.yml'", "an existing file, folder or glob")]
    [InlineData(new[] { "--paths", "nothing/**/*.yml" }, "'paths' has the value 'nothing/**/*.yml'", "a glob that matches at least one file")]
    [InlineData(new[] { "--config", "missing.yml" }, "'config' has the value 'missing.yml'", "an existing config file")]
    public async Task Bad_input_exits_2_naming_the_input_the_value_and_what_was_expected(string[] args, string named, string expected)
    {
        _repository.Write(TempRepository.WorkflowPath, OneError);

        var run = await Run([.. args, "--sarif-path", "never.sarif"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_repository.Root, "never.sarif")));
    }

    [Theory]
    [InlineData("runner-lables: [x]\n", "unknown key 'runner-lables'")]
    [InlineData("disabled-rules: [no-such-rule]\n", "'no-such-rule', which is not a rule")]
    [InlineData("runner-labels: {a: b}\n", "'runner-labels' must be a list of strings")]
    [InlineData("runner-labels: [a\n", ".yml:")]
    public async Task An_invalid_config_file_exits_2_with_the_problem(string config, string problem)
    {
        _repository.Write(TempRepository.WorkflowPath, Clean);
        _repository.Write(".github/validate-workflows.yml", config);

        var run = await Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'config'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(problem, run.Stderr, StringComparison.Ordinal);
    }

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync([.. args, "--root", _repository.Root]);
}
