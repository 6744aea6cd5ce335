using Tailpaste.Shared.IO;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;
using Xunit.Abstractions;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// Every input of action.yml, set in turn to each hostile value (empty, 100 KB, lines of workflow commands, a
/// symbolic link out of the folder, a folder, /dev/zero): exit 0, 1 or 2, no stack trace, no forged workflow
/// command. The other inputs make the run otherwise valid and harmless: a dry run against the real engine with
/// a selector that matches nothing.
/// </summary>
public sealed class HostileInputTests(DockerEngineFixture engine, ITestOutputHelper output) : IClassFixture<DockerEngineFixture>
{
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> Cases => HostileInputs.Cases(DockerCleanupAction.Definition.Manifest);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_value_in_any_input_is_contained(string input, string kind)
    {
        using var runner = new SimulatedRunner("docker-cleanup-hostile-");
        var value = HostileInputs.Value(kind, runner.Folder);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["labels"] = $"{DockerEngineFixture.TestRunLabel}={Guid.NewGuid():N}",
            ["dry-run"] = "true",
            ["prune-dangling"] = "false",
            ["report-path"] = Path.Combine(runner.Folder, "report.json"),
            [input] = value,
        };
        var strayReport = input == "report-path" && value.Length is > 0 and < 4096 && !Path.IsPathRooted(value) ? Path.GetFullPath(value) : null;
        try
        {
            var run = await runner.RunAsync(DockerCleanupAction.Definition, inputs, new Dictionary<string, string> { ["DOCKER_HOST"] = engine.DockerHost }).WaitAsync(_bound);

            output.WriteLine($"exit {run.ExitCode}\n{run.Stdout}");
            HostileInputs.AssertContained(run, input, kind);
            // A report written over a device path would replace the machine's device with a file.
            Assert.Equal(FileKind.CharacterDevice, FileEntry.Of("/dev/zero").Kind);
        }
        finally
        {
            // A relative report path (the lines-of-commands value) resolves against the test's working folder.
            if (strayReport is not null && File.Exists(strayReport))
            {
                File.Delete(strayReport);
            }
        }
    }
}
