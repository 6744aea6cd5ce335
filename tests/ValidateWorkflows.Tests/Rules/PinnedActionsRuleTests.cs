using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class PinnedActionsRuleTests
{
    private const string Workflow = """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: docker/login-action@v3
              - uses: actions/checkout@v4
              - uses: docker/setup-buildx-action@e468171a9de216ec08956ac3ada2f0791b6bd435
          call:
            uses: octo/workflows/.github/workflows/x.yml@main
        """;

    [Fact]
    public void Third_party_tags_are_a_warning()
    {
        var findings = TempRepository.LintWorkflow(Workflow);

        var tag = Expect.At(findings, "pinned-actions", 6, 15);
        Assert.Equal(Severity.Warning, tag.Severity);
        Expect.At(findings, "pinned-actions", 10, 11);
        Expect.Count(findings, "pinned-actions", 2);
    }

    [Fact]
    public void Trusted_owners_from_the_config_are_exempt()
    {
        var config = LintConfig.Empty with { TrustedOwners = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "docker", "octo" } };

        var findings = TempRepository.LintWorkflow(Workflow, config);

        Expect.None(findings, "pinned-actions");
    }
}
