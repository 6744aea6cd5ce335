using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class ExpressionContextRuleTests
{
    [Fact]
    public void Contexts_unavailable_at_their_location_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            env:
              A: ${{ runner.os }}
            jobs:
              build:
                if: ${{ steps.x.outcome == 'success' }}
                runs-on: ${{ secrets.RUNNER }}
                steps:
                  - if: secrets.TOKEN != ''
                    run: echo ${{ foo.bar }}
            """);

        Expect.At(findings, "expression-context", 3, 10);
        var jobIf = Expect.At(findings, "expression-context", 6, 13);
        Assert.Contains("jobs.<job_id>.if", jobIf.Message, StringComparison.Ordinal);
        Expect.At(findings, "expression-context", 7, 18);
        Expect.At(findings, "expression-context", 9, 13);
        Expect.At(findings, "expression-context", 10, 23);
    }

    [Fact]
    public void Status_functions_and_hashFiles_outside_if_and_steps_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                env:
                  K: ${{ hashFiles('**/x') }}
                  S: ${{ always() }}
                steps:
                  - run: echo
            """);

        Expect.At(findings, "expression-context", 6, 14);
        Expect.At(findings, "expression-context", 7, 14);
    }

    [Fact]
    public void Contexts_available_at_their_location_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            env:
              A: ${{ secrets.X }}
            jobs:
              build:
                if: always() && github.ref == 'refs/heads/main'
                runs-on: ${{ vars.RUNNER || 'ubuntu-latest' }}
                outputs:
                  o: ${{ steps.s.outputs.v }}
                steps:
                  - id: s
                    run: echo ${{ secrets.X }} ${{ runner.os }} ${{ job.status }} ${{ hashFiles('**/*.cs') }}
                  - if: failure() && steps.s.outcome == 'failure'
                    run: echo ${{ env.A }}
            """);

        Expect.None(findings, "expression-context");
    }
}
