using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class ShellNameRuleTests
{
    [Fact]
    public void Unknown_shells_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            defaults:
              run:
                shell: zsh
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
                    shell: fish
                  - run: echo
                    shell: Bash
            """);

        Expect.At(findings, "shell-name", 4, 12);
        Expect.At(findings, "shell-name", 10, 16);
        Expect.Count(findings, "shell-name", 2);
    }

    [Fact]
    public void Known_shells_and_custom_commands_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
                    shell: pwsh
                  - run: print(1)
                    shell: python
                  - run: echo
                    shell: bash -euo pipefail {0}
            """);

        Expect.None(findings, "shell-name");
    }

    [Fact]
    public void Composite_action_run_steps_need_a_shell()
    {
        var findings = TempRepository.LintAction("""
            name: a
            description: d
            runs:
              using: composite
              steps:
                - run: echo
            """);

        Expect.At(findings, "shell-name", 6, 7);
    }
}
