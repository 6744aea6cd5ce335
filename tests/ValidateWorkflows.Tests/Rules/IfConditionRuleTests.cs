using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class IfConditionRuleTests
{
    [Fact]
    public void Text_outside_the_braces_makes_the_condition_always_true()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                if: ${{ github.event_name == 'push' }} && false
                runs-on: ubuntu-latest
                steps:
                  - run: echo
                    if: github.ref == ${{ 'refs/heads/main' }}
                  - run: echo
                    if: ${{ success() }} || ${{ failure() }}
            """);

        Expect.At(findings, "if-condition", 5, 9);
        Expect.At(findings, "if-condition", 9, 13);
        Expect.At(findings, "if-condition", 11, 13);
        Expect.Count(findings, "if-condition", 3);
    }

    [Fact]
    public void Bare_conditions_and_one_wrapping_expression_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                if: ${{ github.event_name == 'push' && !cancelled() }}
                runs-on: ubuntu-latest
                steps:
                  - run: echo
                    if: github.ref == 'refs/heads/main'
                  - run: echo
                    if: "${{ always() }}"
                  - run: echo
                    if: contains(github.event.head_commit.message, '}}')
            """);

        Expect.None(findings, "if-condition");
    }

    [Fact]
    public void Spaces_or_a_block_newline_around_the_expression_and_bare_constants_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                if: false
                runs-on: ubuntu-latest
                steps:
                  - run: echo
                    if: "  ${{ always() }}  "
                  - run: echo
                    if: |
                      ${{ failure() }}
                  - run: echo
                    if: true
            """);

        Expect.At(findings, "if-condition", 4, 9);
        Expect.At(findings, "if-condition", 8, 13);
        Expect.At(findings, "if-condition", 10, 13);
        Expect.At(findings, "if-condition", 13, 13);
        Expect.Count(findings, "if-condition", 4);
    }
}
