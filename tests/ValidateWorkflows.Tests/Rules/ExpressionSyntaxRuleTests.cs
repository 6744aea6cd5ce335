using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class ExpressionSyntaxRuleTests
{
    [Fact]
    public void Errors_point_at_the_column_inside_the_expression()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ github.sha == }}
                  - run: echo ${{ 'a' = 'b' }}
                  - run: echo ${{ "double" }}
                  - run: echo ${{ github.sha
                  - if: github.ref == 'x' &&
                    run: echo
            """);

        Expect.At(findings, "expression-syntax", 6, 37);
        var equals = Expect.At(findings, "expression-syntax", 7, 27);
        Assert.Contains("==", equals.Message, StringComparison.Ordinal);
        Expect.At(findings, "expression-syntax", 8, 23);
        Expect.At(findings, "expression-syntax", 9, 19);
        Expect.At(findings, "expression-syntax", 10, 33);
    }

    [Fact]
    public void Operators_literals_calls_indexes_and_filters_parse()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - if: ${{ !cancelled() && (github.event_name != 'pull_request' || github.ref >= 'a') }}
                    run: echo ${{ github.event.commits[0].id }} ${{ github.event.commits.*.id }} ${{ 0x1F }} ${{ -1.5e3 }} ${{ null }} ${{ 'it''s' }}
                  - run: echo ${{ format('{0}', github['sha']) }} ${{ contains(github.event.*.labels, 'x') }} ${{ true || false }}
            """);

        Expect.None(findings, "expression-syntax");
    }
}
