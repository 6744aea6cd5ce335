using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class ReusableWorkflowRuleTests
{
    private const string Called = """
        on:
          workflow_call:
            inputs:
              env: {type: string, required: true}
              dry: {type: boolean, required: true, default: false}
            secrets:
              token: {required: true}
            outputs:
              url: {value: "${{ jobs.run.outputs.url }}"}
        jobs:
          run:
            runs-on: ubuntu-latest
            outputs: {url: x}
            steps:
              - run: echo
        """;

    [Fact]
    public void Missing_and_unknown_inputs_secrets_and_outputs_are_reported()
    {
        using var repository = new TempRepository();
        repository.Write(".github/workflows/called.yml", Called);
        repository.Write(TempRepository.WorkflowPath, """
            on: push
            jobs:
              call:
                uses: ./.github/workflows/called.yml
                with:
                  environment: prod
                secrets:
                  tokn: x
              after:
                needs: call
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ needs.call.outputs.uri }}
              missing:
                uses: ./.github/workflows/nope.yml
            """);

        var findings = repository.Lint(TempRepository.WorkflowPath);

        var inputs = Expect.At(findings, "reusable-workflow", 4, 11);
        Assert.Contains("\"env\"", inputs.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"dry\"", inputs.Message, StringComparison.Ordinal);
        Expect.At(findings, "reusable-workflow", 6, 7);
        Expect.At(findings, "reusable-workflow", 8, 7);
        Expect.At(findings, "reusable-workflow", 13, 42);
        Expect.At(findings, "reusable-workflow", 15, 11);
    }

    [Fact]
    public void Complete_call_with_inherited_secrets_is_fine()
    {
        using var repository = new TempRepository();
        repository.Write(".github/workflows/called.yml", Called);
        repository.Write(TempRepository.WorkflowPath, """
            on: push
            jobs:
              call:
                uses: ./.github/workflows/called.yml
                with:
                  env: prod
                secrets: inherit
              after:
                needs: call
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ needs.call.outputs.url }}
            """);

        var findings = repository.Lint(TempRepository.WorkflowPath);

        Expect.None(findings, "reusable-workflow");
    }
}
