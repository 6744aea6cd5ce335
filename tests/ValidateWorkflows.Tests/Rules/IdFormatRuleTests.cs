using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class IdFormatRuleTests
{
    [Fact]
    public void Ids_starting_with_a_digit_or_holding_dots_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              1build:
                runs-on: ubuntu-latest
                steps:
                  - id: my.step
                    run: echo
            """);

        Expect.At(findings, "id-format", 3, 3);
        Expect.At(findings, "id-format", 6, 13);
    }

    [Fact]
    public void Letters_digits_dashes_and_underscores_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              _build-2:
                runs-on: ubuntu-latest
                steps:
                  - id: step_1-a
                    run: echo
            """);

        Expect.None(findings, "id-format");
    }
}
