using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class LocalActionRuleTests
{
    private const string Action = """
        name: greet
        description: says hello
        inputs:
          who:
            description: whom to greet
            required: true
          loud:
            description: shout
            default: "false"
        outputs:
          message:
            description: what was said
        runs:
          using: docker
          image: Dockerfile
        """;

    [Fact]
    public void Missing_required_input_unknown_input_unknown_output_and_broken_action_are_reported()
    {
        using var repository = new TempRepository();
        repository.Write("actions/greet/action.yml", Action);
        repository.Write(TempRepository.WorkflowPath, """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: greet
                    uses: ./actions/greet
                    with:
                      lound: true
                  - run: echo ${{ steps.greet.outputs.mesage }}
                  - uses: ./actions/missing
                  - uses: ./actions/broken
            """);
        repository.Write("actions/broken/action.yml", "name: [unclosed\n");

        var findings = repository.Lint(TempRepository.WorkflowPath);

        Expect.At(findings, "local-action", 7, 15);
        Expect.At(findings, "local-action", 9, 11);
        Expect.At(findings, "local-action", 10, 43);

        // A missing action is often checked out or built by an earlier step: not a finding.
        Assert.DoesNotContain(findings, f => f.Line == 11);
        var broken = Expect.At(findings, "local-action", 12, 15);
        Assert.Contains("does not parse", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_inputs_given_and_declared_outputs_are_fine()
    {
        using var repository = new TempRepository();
        repository.Write("actions/greet/action.yml", Action);
        repository.Write(TempRepository.WorkflowPath, """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: greet
                    uses: ./actions/greet
                    with:
                      WHO: world
                  - run: echo ${{ steps.greet.outputs.message }}
            """);

        var findings = repository.Lint(TempRepository.WorkflowPath);

        Expect.None(findings, "local-action");
    }
}
