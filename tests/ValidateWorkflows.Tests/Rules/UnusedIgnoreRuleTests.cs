using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class UnusedIgnoreRuleTests
{
    [Fact]
    public void Ignore_on_the_line_or_the_line_above_silences_only_that_rule_there()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-lates # validate-workflows: ignore runner-label
                steps:
                  - run: echo
                    # validate-workflows: ignore shell-name, run-with-uses
                    shell: zsh
                  - run: echo
                    shell: fish
            """);

        Expect.None(findings.Where(f => f.Line == 5).ToList(), "runner-label");
        var remaining = Expect.At(findings, "shell-name", 11, 16);
        Assert.Equal(Severity.Error, remaining.Severity);
        Assert.DoesNotContain(findings, f => f.Line == 9 && f.Rule == "shell-name");

        // The same comment names run-with-uses, which had nothing to silence there.
        Expect.At(findings, "unused-ignore", 8, 50);
        Expect.Count(findings, "unused-ignore", 1);
    }

    [Fact]
    public void Ignore_that_silences_nothing_is_a_warning()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest # validate-workflows: ignore runner-label, no-such-rule
                steps:
                  - run: echo
            """);

        var unused = Expect.At(findings, "unused-ignore", 5, 57);
        Assert.Equal(Severity.Warning, unused.Severity);
        var unknown = Expect.At(findings, "unused-ignore", 5, 71);
        Assert.Contains("not a rule", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignore_two_lines_above_does_not_reach()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                # validate-workflows: ignore runner-label

                runs-on: ubuntu-lates
                steps:
                  - run: echo
            """);

        Expect.At(findings, "runner-label", 7, 14);
        Expect.At(findings, "unused-ignore", 5, 34);
    }
}
