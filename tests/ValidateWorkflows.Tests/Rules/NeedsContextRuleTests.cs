using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class NeedsContextRuleTests
{
    [Fact]
    public void Needs_of_unlisted_jobs_and_undeclared_outputs_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                outputs:
                  version: ${{ steps.v.outputs.version }}
                steps:
                  - id: v
                    run: echo
              test:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              deploy:
                needs: build
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ needs.test.result }} ${{ needs.build.outputs.versoin }} ${{ needs.build.status }}
            """);

        Expect.At(findings, "needs-context", 18, 29);
        Expect.At(findings, "needs-context", 18, 68);
        Expect.At(findings, "needs-context", 18, 95);
    }

    [Fact]
    public void Listed_jobs_and_declared_outputs_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                outputs:
                  version: x
                steps:
                  - run: echo
              deploy:
                needs: [build]
                if: needs.build.result == 'success'
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ needs.build.outputs.version }} ${{ toJSON(needs) }}
            """);

        Expect.None(findings, "needs-context");
    }
}
