using Tailpaste.Shared.IO;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests;

/// <summary>
/// Every input of action.yml, set in turn to each hostile value (empty, 100 KB, lines of workflow commands, a
/// symbolic link out of the folder, a folder, /dev/zero): exit 0, 1 or 2, no stack trace, no forged workflow
/// command, and no device replaced. The other inputs lint one small valid workflow in a throwaway repository.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> Cases => HostileInputs.Cases(ValidateWorkflowsAction.Definition.Manifest);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_value_in_any_input_is_contained(string input, string kind)
    {
        using var repository = new TempRepository();
        repository.Write(TempRepository.WorkflowPath, """
            on: push
            permissions:
              contents: read
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo hi
            """);
        using var runner = new SimulatedRunner("validate-workflows-hostile-");
        var value = HostileInputs.Value(kind, runner.Folder);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["root"] = repository.Root,
            ["report-path"] = Path.Combine(runner.Folder, "report.json"),
            [input] = value,
        };
        // A relative output path (the lines-of-commands value) resolves against the test's working folder.
        var stray = input is "report-path" or "sarif-path" && value.Length is > 0 and < 4096 && !Path.IsPathRooted(value) ? Path.GetFullPath(value) : null;
        try
        {
            var run = await runner.RunAsync(ValidateWorkflowsAction.Definition, inputs).WaitAsync(_bound);

            HostileInputs.AssertContained(run, input, kind);
            Assert.Equal(FileKind.CharacterDevice, FileEntry.Of("/dev/zero").Kind);
        }
        finally
        {
            if (stray is not null && File.Exists(stray))
            {
                File.Delete(stray);
            }
        }
    }
}
