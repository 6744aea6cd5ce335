using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class PermissionsDeclaredRuleTests
{
    [Fact]
    public void Job_without_permissions_anywhere_is_a_warning()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              scoped:
                runs-on: ubuntu-latest
                permissions: {contents: read}
                steps:
                  - run: echo
            """);

        var finding = Expect.At(findings, "permissions-declared", 3, 3);
        Assert.Equal(Severity.Warning, finding.Severity);
        Expect.Count(findings, "permissions-declared", 1);
    }

    [Fact]
    public void Workflow_level_permissions_cover_every_job()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.None(findings, "permissions-declared");
    }
}
