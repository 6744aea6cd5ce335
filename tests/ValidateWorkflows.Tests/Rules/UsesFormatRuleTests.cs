using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class UsesFormatRuleTests
{
    [Fact]
    public void Reference_without_ref_is_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout
            """);

        Expect.At(findings, "uses-format", 6, 15);
    }

    [Fact]
    public void Remote_local_and_docker_references_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: github/codeql-action/init@v3
                  - uses: docker://alpine:3
            """);

        Expect.None(findings, "uses-format");
    }

    [Fact]
    public void Uses_built_by_an_expression_is_not_checked()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@${{ github.sha }}
              call:
                uses: octo/flows/.github/workflows/ci.yml@${{ vars.REF }}
            """);

        // What the expression gives is only known at run time; actionlint leaves it alone too.
        Expect.None(findings, "uses-format");
    }
}
