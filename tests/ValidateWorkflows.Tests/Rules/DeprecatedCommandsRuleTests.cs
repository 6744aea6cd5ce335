using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class DeprecatedCommandsRuleTests
{
    [Fact]
    public void Every_retired_command_is_an_error_on_the_first_line_of_the_script()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo "::set-output name=version::1.0"
                      echo "::set-env name=A::b"
                      echo '::add-path::/opt/bin'
                      echo "::save-state name=pid::42"
                      echo "::set-output name=other::2"
            """);

        // One finding per command (the second set-output says the same thing at the same place).
        var found = findings.Where(f => f.Rule == "deprecated-commands").ToList();
        Assert.Equal(4, found.Count);
        Assert.All(found, f => Assert.Equal((7, 14, Severity.Error), (f.Line, f.Column, f.Severity)));
        foreach (var file in new[] { "$GITHUB_OUTPUT", "$GITHUB_ENV", "$GITHUB_PATH", "$GITHUB_STATE" })
        {
            Assert.Contains(found, f => f.Message.Contains(file, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Environment_files_and_other_workflow_commands_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo "version=1.0" >> "$GITHUB_OUTPUT"
                      echo "::error file=a.txt::set-output is gone"
                      echo "::add-mask::$TOKEN"
                      echo "::group::set-env"
                      echo "the set-output command"
            """);

        Expect.None(findings, "deprecated-commands");
    }
}
