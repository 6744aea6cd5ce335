using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class WorkflowCallRuleTests
{
    [Fact]
    public void Inputs_without_type_bad_defaults_and_outputs_without_value_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              workflow_call:
                inputs:
                  name:
                    description: no type
                  size:
                    type: number
                    default: big
                outputs:
                  url:
                    description: no value
                secrets:
                  token: [bad]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.At(findings, "workflow-call", 4, 7);
        Expect.At(findings, "workflow-call", 8, 18);
        Expect.At(findings, "workflow-call", 10, 7);
        Expect.At(findings, "workflow-call", 13, 14);
    }

    [Fact]
    public void Typed_inputs_and_valued_outputs_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              workflow_call:
                inputs:
                  size: {type: number, default: 3}
                outputs:
                  url: {value: "${{ jobs.build.outputs.url }}"}
                secrets:
                  token:
                  other: {required: true}
            jobs:
              build:
                runs-on: ubuntu-latest
                outputs: {url: x}
                steps:
                  - run: echo
            """);

        Expect.None(findings, "workflow-call");
    }

    [Fact]
    public void Required_that_is_not_a_boolean_is_reported_for_inputs_and_secrets()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              workflow_call:
                inputs:
                  name: {type: string, required: maybe}
                  other: {type: string, required: True}
                secrets:
                  token: {required: yes}
                  key: {required: "${{ true }}"}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.At(findings, "workflow-call", 4, 38);
        Expect.At(findings, "workflow-call", 7, 25);
        Expect.Count(findings, "workflow-call", 2);
    }
}
