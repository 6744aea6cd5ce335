using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class InputsContextRuleTests
{
    [Fact]
    public void Undeclared_inputs_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              workflow_dispatch:
                inputs:
                  level: {type: string}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ inputs.levle }}
            """);

        var finding = Expect.At(findings, "inputs-context", 9, 30);
        Assert.Contains("\"level\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_in_a_workflow_without_inputs_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ inputs.level }}
            """);

        Expect.At(findings, "inputs-context", 6, 30);
    }

    [Fact]
    public void Declared_dispatch_call_and_action_inputs_are_fine()
    {
        var workflow = TempRepository.LintWorkflow("""
            on:
              workflow_dispatch:
                inputs:
                  level: {type: string}
              workflow_call:
                inputs:
                  size: {type: number}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ inputs.level }} ${{ inputs.SIZE }}
            """);
        var action = TempRepository.LintAction("""
            name: a
            description: d
            inputs:
              who: {description: w}
            runs:
              using: composite
              steps:
                - run: echo ${{ inputs.who }}
                  shell: bash
            """);

        Expect.None(workflow, "inputs-context");
        Expect.None(action, "inputs-context");
    }
}
