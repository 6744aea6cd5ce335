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

    [Fact]
    public void Format_strings_whose_placeholders_have_no_argument_or_whose_braces_do_not_match_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ format('{0} {1}', github.sha) }}
                  - run: echo ${{ format('{0', github.sha) }} ${{ format('a}', 1) }}
            """);

        var missing = Expect.At(findings, "expression-function", 6, 30);
        Assert.Equal(39, missing.EndColumn);
        Assert.Contains("placeholder {1} but only 1 argument(s)", missing.Message, StringComparison.Ordinal);
        Expect.At(findings, "expression-function", 7, 30);
        Expect.At(findings, "expression-function", 7, 62);
        Expect.Count(findings, "expression-function", 3);
    }

    [Theory]
    [InlineData("format('{{0}} {0}', 1)")]
    [InlineData("format('{1}{0}{1}', 1, 2)")]
    [InlineData("format('no placeholders')")]
    [InlineData("format('{0} unused second', 1, 2)")]
    [InlineData("format(github.ref, 1)")]
    public void Format_strings_that_work_at_run_time_are_fine(string call)
    {
        var findings = TempRepository.LintWorkflow($$$"""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ {{{call}}} }}
            """);

        Expect.None(findings, "expression-function");
    }
}
