using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class NumericValueRuleTests
{
    [Fact]
    public void Non_positive_timeout_fractional_max_parallel_and_non_boolean_flags_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                timeout-minutes: 0
                strategy:
                  max-parallel: 1.5
                  fail-fast: maybe
                  matrix: {a: [1]}
                steps:
                  - run: echo
                    timeout-minutes: ten
            """);

        Expect.At(findings, "numeric-value", 5, 22);
        Expect.At(findings, "numeric-value", 7, 21);
        Expect.At(findings, "numeric-value", 8, 18);
        Expect.At(findings, "numeric-value", 12, 26);
    }

    [Fact]
    public void Numbers_and_expressions_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                timeout-minutes: ${{ 30 }}
                strategy:
                  max-parallel: 2
                  matrix: {a: [1]}
                steps:
                  - run: echo
                    timeout-minutes: 0.5
            """);

        Expect.None(findings, "numeric-value");
    }
}
