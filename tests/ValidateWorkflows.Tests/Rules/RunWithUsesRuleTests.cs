using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class RunWithUsesRuleTests
{
    [Fact]
    public void Step_with_run_and_uses_is_reported_at_the_later_key()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
                    uses: actions/checkout@v4
            """);

        Expect.At(findings, "run-with-uses", 7, 9);
    }

    [Fact]
    public void With_on_a_run_step_is_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
                    with: {a: b}
            """);

        Expect.At(findings, "run-with-uses", 7, 9);
    }

    [Fact]
    public void Separate_steps_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with: {fetch-depth: 0}
                  - run: echo
                    shell: bash
            """);

        Expect.None(findings, "run-with-uses");
    }
}
