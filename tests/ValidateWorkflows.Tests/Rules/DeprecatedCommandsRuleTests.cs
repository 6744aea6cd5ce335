using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class DeprecatedCommandsRuleTests
{
    [Fact]
    public void Disabled_commands_are_errors_and_deprecated_ones_warnings_at_the_command()
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

        var output = Expect.At(findings, "deprecated-commands", 8, 17);
        Assert.Equal(Severity.Warning, output.Severity);
        Assert.Equal(29, output.EndColumn);
        Assert.Contains("$GITHUB_OUTPUT", output.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, Expect.At(findings, "deprecated-commands", 9, 17).Severity);
        Assert.Equal(Severity.Error, Expect.At(findings, "deprecated-commands", 10, 17).Severity);
        Assert.Equal(Severity.Warning, Expect.At(findings, "deprecated-commands", 11, 17).Severity);
        Expect.At(findings, "deprecated-commands", 12, 17);
        Expect.Count(findings, "deprecated-commands", 5);
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
