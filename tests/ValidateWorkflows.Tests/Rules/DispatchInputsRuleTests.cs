using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class DispatchInputsRuleTests
{
    [Fact]
    public void Bad_types_missing_options_and_defaults_outside_options_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              workflow_dispatch:
                inputs:
                  level:
                    type: choice
                    options: [low, high]
                    default: medium
                  mode:
                    type: choice
                  count:
                    type: integer
                  flag:
                    type: boolean
                    default: yes
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.At(findings, "dispatch-inputs", 7, 18);
        Expect.At(findings, "dispatch-inputs", 8, 7);
        Expect.At(findings, "dispatch-inputs", 11, 15);
        Expect.At(findings, "dispatch-inputs", 14, 18);
    }

    [Fact]
    public void Well_formed_inputs_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              workflow_dispatch:
                inputs:
                  level:
                    type: choice
                    options: [low, high]
                    default: high
                  flag:
                    type: boolean
                    default: false
                  name:
                    description: plain string
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.None(findings, "dispatch-inputs");
    }

    [Fact]
    public void Required_must_be_a_boolean()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              workflow_dispatch:
                inputs:
                  level:
                    required: sometimes
                  name:
                    required: false
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        var finding = Expect.At(findings, "dispatch-inputs", 5, 19);
        Assert.Contains("\"required\" of input \"level\" must be true or false, not \"sometimes\"", finding.Message, StringComparison.Ordinal);
        Expect.Count(findings, "dispatch-inputs", 1);
    }
}
