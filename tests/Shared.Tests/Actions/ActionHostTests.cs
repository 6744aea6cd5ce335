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
}
