using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// Every input of action.yml set to each hostile value (empty, 100 KB, newlines with workflow commands, a link
/// to /etc/passwd, a folder, /dev/zero) in an otherwise valid, fast run: exit 0, 1 or 2, no stack trace, no
/// forged workflow command.
/// </summary>
public sealed class HostileInputTests : IClassFixture<SampleHistoryFixture>
{
    private readonly SampleHistory _history;

    public HostileInputTests(SampleHistoryFixture fixture)
    {
        _history = (fixture ?? throw new ArgumentNullException(nameof(fixture))).History;
    }

    public static TheoryData<string, string> Cases => HostileInputs.Cases(ReleaseArtifactsAction.Definition.Manifest);

    [Fact]
    public async Task Without_a_hostile_value_the_run_is_valid()
    {
        using var runner = new SimulatedRunner("release-artifacts-hostile-");

        var run = await runner.RunAsync(ReleaseArtifactsAction.Definition, ValidInputs(runner.Folder));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(runner.Folder, "dist", "CHANGELOG.md")));
        Assert.Contains("POST https://api.github.com/repos/octo/tailpaste/releases ", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_value_in_any_input_is_contained(string input, string kind)
    {
        using var runner = new SimulatedRunner("release-artifacts-hostile-");
        var value = HostileInputs.Value(kind, runner.Folder);
        var inputs = ValidInputs(runner.Folder);
        if (input is "docker-host" or "image-name" or "image-production")
        {
            inputs["image"] = "tailpaste-app:hostile-test";
        }

        inputs[input] = value;
        try
        {
            var run = await runner.RunAsync(ReleaseArtifactsAction.Definition, inputs).WaitAsync(TimeSpan.FromSeconds(60));

            HostileInputs.AssertContained(run, input, kind);
        }
        finally
        {
            // A relative path resolves against the test process's folder: remove what a run made there.
            if (input is "output-dir" or "report-path" && value.Length is > 0 and < 4096 && !Path.IsPathRooted(value))
            {
                var made = Path.GetFullPath(value);
                if (Directory.Exists(made))
                {
                    Directory.Delete(made, recursive: true);
                }

                File.Delete(made);
            }
        }
    }

    /// <summary>
    /// Valid without a hostile value: changelog and a dry-run publish from the sample history. The engine (asked
    /// for only with an image) is a socket that does not exist, so image inputs fail fast.
    /// </summary>
    private Dictionary<string, string> ValidInputs(string folder) => new()
    {
        ["version"] = "2.0.0",
        ["steps"] = "validate, changelog, publish",
        ["dry-run"] = "true",
        ["repository"] = "octo/tailpaste",
        ["repository-path"] = _history.Path,
        ["output-dir"] = Path.Combine(folder, "dist"),
        ["docker-host"] = "unix://" + Path.Combine(folder, "no-engine.sock"),
    };
}
