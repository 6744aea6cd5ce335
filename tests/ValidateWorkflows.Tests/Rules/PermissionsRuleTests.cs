using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class PermissionsRuleTests
{
    [Fact]
    public void Unknown_scope_bad_level_and_bad_shorthand_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: read
            jobs:
              build:
                runs-on: ubuntu-latest
                permissions:
                  content: read
                  models: write
                steps:
                  - run: echo
            """);

        Expect.At(findings, "permissions", 2, 14);
        Expect.At(findings, "permissions", 7, 7);
        Expect.At(findings, "permissions", 8, 15);
    }

    [Fact]
    public void Known_scopes_and_shorthands_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: read-all
            jobs:
              build:
                runs-on: ubuntu-latest
                permissions:
                  contents: write
                  id-token: write
                  issues: read
                  pull-requests: none
                  models: read
                  attestations: write
                  artifact-metadata: write
                  copilot-requests: write
                  vulnerability-alerts: read
                steps:
                  - run: echo
              empty:
                runs-on: ubuntu-latest
                permissions: {}
                steps:
                  - run: echo
            """);

        Expect.None(findings, "permissions");
    }
}
