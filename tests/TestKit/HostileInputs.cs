using Tailpaste.Shared.Actions;
using Tailpaste.TestKit.Runner;
using Xunit;

namespace Tailpaste.TestKit;

/// <summary>
/// Values an attacker (or a broken workflow expression) can put into any input, and the promise every action
/// keeps for each of them: exit 0, 1 or 2, and no stack trace. Each action's tests run every input of its
/// action.yml through <see cref="Cases"/>.
/// </summary>
public static class HostileInputs
{
    /// <summary>The hostile value kinds, by name (readable in test output).</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["empty", "100KB", "newline-commands", "symlink", "directory", "dev-zero"];

    /// <summary>Every (input, kind) pair of an action, as xunit theory data.</summary>
    public static TheoryData<string, string> Cases(ActionManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var data = new TheoryData<string, string>();
        foreach (var input in manifest.Inputs)
        {
            foreach (var kind in Kinds)
            {
                data.Add(input.Name, kind);
            }
        }

        return data;
    }

    /// <summary>The value of a kind; <paramref name="folder"/> holds the symlink it may need (pointing out of it, at /etc/passwd).</summary>
    public static string Value(string kind, string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        switch (kind)
        {
            case "empty":
                return string.Empty;
            case "100KB":
                return new string('a', 100 * 1024);
            case "newline-commands":
                return "x\n::error::forged\n::add-mask::y\n::stop-commands::z";
            case "symlink":
                var link = Path.Combine(folder, "hostile-link");
                if (!File.Exists(link) && new FileInfo(link).LinkTarget is null)
                {
                    File.CreateSymbolicLink(link, "/etc/passwd");
                }

                return link;
            case "directory":
                return folder;
            case "dev-zero":
                return "/dev/zero";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not one of " + string.Join(", ", Kinds));
        }
    }

    /// <summary>Fails the test unless the run kept the promise: exit 0, 1 or 2, no stack trace, no forged command.</summary>
    public static void AssertContained(SimulatedRun run, string input, string kind)
    {
        ArgumentNullException.ThrowIfNull(run);
        var context = $"input '{input}' = {kind}\n{run}";
        Assert.True(run.ExitCode is ExitCodes.Ok or ExitCodes.Failed or ExitCodes.BadInput, $"exit code {run.ExitCode}; {context}");
        var all = run.Stdout + "\n" + run.Stderr;
        Assert.False(all.Contains("   at ", StringComparison.Ordinal) || all.Contains("Unhandled exception", StringComparison.Ordinal), $"a stack trace was printed; {context}");
        var forged = all.ReplaceLineEndings("\n").Split('\n')
            .Where(line => line.TrimStart().StartsWith("::error::forged", StringComparison.Ordinal) || line.TrimStart().StartsWith("::add-mask::y", StringComparison.Ordinal) || line.TrimStart().StartsWith("::stop-commands::", StringComparison.Ordinal));
        Assert.False(forged.Any(), $"a line of input became a workflow command; {context}");
    }
}
