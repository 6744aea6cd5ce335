using System.Text;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class YamlLimitsRuleTests
{
    [Fact]
    public void Nesting_deeper_than_100_levels_is_reported_where_it_crosses_the_limit()
    {
        var findings = TempRepository.LintWorkflow("on: push\njobs: " + new string('[', 150) + new string(']', 150) + "\n");

        var finding = Assert.Single(findings);
        Assert.Equal("yaml-limits", finding.Rule);
        Assert.Equal(2, finding.Line);
        Assert.Equal(7 + 99, finding.Column);
    }

    [Fact]
    public void A_file_over_4_MiB_is_reported_and_not_parsed()
    {
        var findings = TempRepository.LintWorkflow("on: push\n" + new string('#', 4 * 1024 * 1024) + "\n");

        var finding = Expect.At(findings, "yaml-limits", 1, 1);
        Assert.Contains("larger than", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_expansion_past_200000_nodes_is_reported_at_the_alias()
    {
        var yaml = new StringBuilder("a: &a [" + string.Join(",", Enumerable.Repeat("x", 999)) + "]\n");
        for (var i = 0; i < 250; i++)
        {
            yaml.Append('k').Append(i).Append(": *a\n");
        }

        var findings = TempRepository.LintWorkflow(yaml.ToString());

        // Line 1 is 1 002 nodes; each alias line adds its key and the 1 000 nodes of the sequence, so the 199th
        // alias, on line 200, crosses 200 000.
        var finding = Assert.Single(findings);
        Assert.Equal("yaml-limits", finding.Rule);
        Assert.Equal(200, finding.Line);
    }

    [Fact]
    public void Ordinary_depth_and_reused_anchors_are_within_the_limits()
    {
        var yaml = new StringBuilder("on: push\nx: &steps [{run: echo}]\njobs:\n");
        for (var i = 0; i < 50; i++)
        {
            yaml.Append("  j").Append(i).Append(":\n    runs-on: ubuntu-latest\n    steps: *steps\n");
        }

        yaml.Append("  deep:\n    runs-on: ubuntu-latest\n    env: {A: ").Append(new string('[', 90)).Append(new string(']', 90)).Append("}\n    steps: *steps\n");

        var findings = TempRepository.LintWorkflow(yaml.ToString());

        Expect.None(findings, "yaml-limits");
    }
}
