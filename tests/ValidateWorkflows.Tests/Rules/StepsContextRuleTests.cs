using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class StepsContextRuleTests
{
    [Fact]
    public void Later_missing_and_current_steps_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: first
                    run: echo ${{ steps.second.outputs.x }} ${{ steps.first.outcome }}
                  - id: second
                    run: echo ${{ steps.nothing.outputs.x }} ${{ steps.first.result }}
            """);

        var later = Expect.At(findings, "steps-context", 7, 29);
        Assert.Contains("runs later", later.Message, StringComparison.Ordinal);
        Expect.At(findings, "steps-context", 7, 59);
        Expect.At(findings, "steps-context", 9, 29);
        Expect.At(findings, "steps-context", 9, 66);
    }

    [Fact]
    public void Earlier_steps_and_job_outputs_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                outputs:
                  v: ${{ steps.last.outputs.v }}
                steps:
                  - id: first
                    run: echo
                  - id: last
                    if: steps.first.conclusion == 'success'
                    run: echo ${{ steps.FIRST.outputs.x }}
            """);

        Expect.None(findings, "steps-context");
    }
}
