using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class ExpressionFunctionRuleTests
{
    [Fact]
    public void Unknown_functions_and_wrong_argument_counts_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ toLower('A') }} ${{ contains('a') }} ${{ case(true, 'a') }}
            """);

        Expect.At(findings, "expression-function", 6, 23);
        Expect.At(findings, "expression-function", 6, 43);
        Expect.At(findings, "expression-function", 6, 64);
    }

    [Fact]
    public void Known_functions_in_any_case_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ toJson(github) }} ${{ startsWith('ab', 'a') }} ${{ join(github.event.commits.*.id) }} ${{ format('{0}{1}', 1, 2) }} ${{ case(true, 'a', 'b') }}
            """);

        Expect.None(findings, "expression-function");
    }
}
