using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class ConcurrencyRuleTests
{
    [Fact]
    public void Missing_group_and_non_boolean_cancel_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            concurrency:
              cancel-in-progress: sometimes
            jobs:
              build:
                runs-on: ubuntu-latest
                concurrency:
                steps:
                  - run: echo
            """);

        Expect.At(findings, "missing-key", 2, 1);
        Expect.At(findings, "concurrency", 3, 23);
        Expect.At(findings, "empty-value", 7, 17);
    }

    [Fact]
    public void Group_names_and_mappings_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            concurrency: ci-${{ github.ref }}
            jobs:
              build:
                runs-on: ubuntu-latest
                concurrency: {group: deploy, cancel-in-progress: "${{ github.event_name == 'push' }}"}
                steps:
                  - run: echo
            """);

        Expect.None(findings, "concurrency");
    }
}
