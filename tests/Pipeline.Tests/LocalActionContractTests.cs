using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.Pipeline.Tests;

/// <summary>Every step that uses an action of this repository passes what its action.yml declares and reads what it outputs.</summary>
public class LocalActionContractTests
{
    [Theory]
    [MemberData(nameof(WorkflowFiles.All), MemberType = typeof(WorkflowFiles))]
    public void Each_local_action_step_passes_only_declared_inputs_every_required_one_and_reads_only_declared_outputs(string workflow)
    {
        var contract = new LocalActionContract(RepositoryRoot.Path);

        var problems = contract.Check(WorkflowFiles.Parse(WorkflowFiles.Source(workflow)));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_walk_covers_the_local_action_steps_and_output_reads_of_the_pipeline()
    {
        var contract = new LocalActionContract(RepositoryRoot.Path);
        int steps = 0, reads = 0;
        foreach (var name in WorkflowFiles.Names())
        {
            contract.Check(WorkflowFiles.Parse(WorkflowFiles.Source(name)));
            steps += contract.StepsChecked;
            reads += contract.OutputReadsChecked;
        }

        // deploy (backup, deploy, health), rollback (restore, health), health-check, integration-test (health,
        // cleanup), ci (validate-workflows), release (release-artifacts): at least ten steps, and the summaries read outputs.
        Assert.True(steps >= 10, $"only {steps} local-action steps were checked");
        Assert.True(reads >= 10, $"only {reads} output reads were checked");
    }

    [Fact]
    public void An_undeclared_input_a_missing_required_input_and_an_undeclared_output_are_each_reported()
    {
        // deploy's image is required without a default; health-check has no output "colour".
        const string Text = """
            on: workflow_dispatch
            jobs:
              go:
                runs-on: ubuntu-latest
                steps:
                  - id: deploy
                    uses: ./actions/deploy
                    with:
                      strategy: recreate
                  - id: health
                    uses: ./actions/health-check
                    with:
                      service-url: http://localhost:8080
                      colour: red
                  - run: echo "$STATUS"
                    env:
                      STATUS: ${{ steps.health.outputs.colour }}
            """;
        var contract = new LocalActionContract(RepositoryRoot.Path);

        var problems = contract.Check(WorkflowFiles.Parse(new SourceFile(".github/workflows/bad.yml", "/nonexistent/bad.yml", Text)));

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("required input \"image\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("passes input \"colour\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("steps.health.outputs.colour", StringComparison.Ordinal));
    }
}
