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
        // A repository whose one action requires "image" (no default) and outputs only "status".
        var repository = Directory.CreateTempSubdirectory("pipeline-contract-");
        try
        {
            var action = Directory.CreateDirectory(Path.Combine(repository.FullName, "actions", "ship")).FullName;
            File.WriteAllText(Path.Combine(action, "action.yml"), """
                name: ship
                description: ships
                inputs:
                  image: { description: what, required: true }
                  strategy: { description: how, default: recreate }
                outputs:
                  status: { description: result }
                runs: { using: docker, image: Dockerfile }
                """);
            const string Text = """
                on: workflow_dispatch
                jobs:
                  go:
                    runs-on: ubuntu-latest
                    steps:
                      - id: ship
                        uses: ./actions/ship
                        with:
                          strategy: recreate
                          colour: red
                      - run: echo "$STATUS $COLOUR"
                        env:
                          STATUS: ${{ steps.ship.outputs.status }}
                          COLOUR: ${{ steps.ship.outputs.colour }}
                """;
            var contract = new LocalActionContract(repository.FullName + Path.DirectorySeparatorChar);

            var problems = contract.Check(WorkflowFiles.Parse(new SourceFile(".github/workflows/bad.yml", "/nonexistent/bad.yml", Text)));

            Assert.Equal(3, problems.Count);
            Assert.Contains(problems, p => p.Contains("required input \"image\"", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("passes input \"colour\"", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("steps.ship.outputs.colour", StringComparison.Ordinal));
            Assert.Equal(2, contract.OutputReadsChecked);
        }
        finally
        {
            repository.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_step_using_an_action_that_is_not_in_the_repository_is_reported()
    {
        const string Text = """
            on: workflow_dispatch
            jobs:
              go:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/no-such-action
            """;

        var problems = new LocalActionContract(RepositoryRoot.Path).Check(WorkflowFiles.Parse(new SourceFile(".github/workflows/bad.yml", "/nonexistent/bad.yml", Text)));

        Assert.Contains("no action.yml at ./actions/no-such-action", Assert.Single(problems), StringComparison.Ordinal);
    }
}
