using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class DockerCleanupRuleTests
{
    [Fact]
    public void Cleanup_without_always_is_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/docker-cleanup
                  - uses: ./actions/docker-cleanup
                    if: success()
            """);

        Expect.At(findings, "docker-cleanup-always", 6, 15);
        Expect.At(findings, "docker-cleanup-always", 8, 13);
    }

    [Theory]
    [InlineData("always()")]
    [InlineData("${{ !cancelled() }}")]
    [InlineData("always() && github.event_name == 'push'")]
    public void Cleanup_that_runs_after_failures_is_fine(string condition)
    {
        var findings = TempRepository.LintWorkflow($$"""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/docker-cleanup
                    if: "{{condition}}"
            """);

        Expect.None(findings, "docker-cleanup-always");
    }
}
