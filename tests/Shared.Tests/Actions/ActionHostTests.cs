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
    public async Task Help_ListsEveryInputWithDescriptionAndDefault()
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
    public async Task ResultOfRun_IsTheExitCode_AndOutputsPrintOutsideARun()
    {
        var (code, stdout, _) = await Run([], "--attempts", "4", "--dry-run");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("status=http://localhost:8080 x4\n", stdout);
        Assert.Equal(ExitCodes.Failed, (await Run([])).Code);
    }

    [Fact]
    public async Task BadInput_ExitsTwoWithTheInputValueAndExpectation()
    {
        var (code, stdout, stderr) = await Run([], "--attempts", "many");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Input 'attempts' has the value 'many': expected a whole number from 1 to 10.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputInARun_IsAnErrorAnnotation()
    {
        var (code, stdout, _) = await Run(new() { ["GITHUB_ACTIONS"] = "true", ["INPUT_DRY-RUN"] = "yes" });

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("::error title=Bad input::Input 'dry-run' has the value 'yes': expected true or false.\n", stdout);
    }

    [Fact]
    public async Task UnknownFlag_ExitsTwo()
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
    public async Task AnExceptionThatEscapesTheAction_IsExitOneWithAnErrorAnnotation_AndNoStackTrace()
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
    public async Task WithDebugLogging_TheCrashCarriesTheStackTrace()
    {
        var (code, stdout, _) = await RunWith(_crashing, new() { ["GITHUB_ACTIONS"] = "true", ["RUNNER_DEBUG"] = "1" });

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("%0A   at ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideARun_TheCrashIsOnePlainErrorLine_ThatCannotActAsACommand()
    {
        var (code, stdout, _) = await RunWith(_crashing, []);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.StartsWith("error: sample stopped on an error it did not expect", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(stdout.Split('\n'), l => l.TrimStart().StartsWith("::", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APlainArgument_IsBadInput_ForAnActionWithoutUsage()
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
