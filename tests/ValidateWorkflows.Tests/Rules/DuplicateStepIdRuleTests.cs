using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class DuplicateStepIdRuleTests
{
    [Fact]
    public void Second_step_with_the_same_id_ignoring_case_is_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - id: build
                    run: echo
                  - id: Build
                    run: echo
            """);

        Expect.At(findings, "duplicate-step-id", 8, 13);
    }

    [Fact]
    public void Same_step_id_in_two_jobs_is_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - id: build
                    run: echo
              b:
                runs-on: ubuntu-latest
                steps:
                  - id: build
                    run: echo
            """);

        Expect.None(findings, "duplicate-step-id");
    }
}
