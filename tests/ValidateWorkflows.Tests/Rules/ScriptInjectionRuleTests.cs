using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class ScriptInjectionRuleTests
{
    [Fact]
    public void Untrusted_fields_in_run_and_github_script_are_reported_with_the_fix()
    {
        var findings = TempRepository.LintWorkflow("""
            on: issues
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo "checking"
                      echo "${{ github.event.issue.title }}"
                  - run: echo ${{ github.head_ref }} ${{ github.event.commits[0].message }}
                  - uses: actions/github-script@v7
                    with:
                      script: console.log("${{ github.event.pull_request.body }}")
            """);

        // Inside a run: | block the finding goes on the block's first line, as actionlint reports it.
        var title = Expect.At(findings, "script-injection", 6, 18);
        Assert.Contains("env:", title.Message, StringComparison.Ordinal);
        Expect.At(findings, "script-injection", 9, 23);
        Expect.At(findings, "script-injection", 9, 46);
        Expect.At(findings, "script-injection", 12, 36);
    }

    [Fact]
    public void Untrusted_fields_through_env_and_trusted_fields_in_run_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: issues
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "$TITLE" ${{ github.event.issue.number }} ${{ github.sha }}
                    env:
                      TITLE: ${{ github.event.issue.title }}
                  - name: ${{ github.event.issue.title }}
                    uses: actions/checkout@v4
                    with:
                      ref: ${{ github.head_ref }}
            """);

        Expect.None(findings, "script-injection");
    }
}
