using System.Text;
using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Rules;

namespace Tailpaste.ValidateWorkflows.Tests;

/// <summary>
/// The README's rule table is the code's: every rule id, its severity and description.
/// Run with UPDATE_RULE_DOCS=1 to rewrite the table instead of failing.
/// </summary>
public class RuleDocsTests
{
    private const string Start = "<!-- rules:start -->";
    private const string End = "<!-- rules:end -->";

    [Fact]
    public void Readme_lists_every_rule_as_the_code_describes_it()
    {
        var path = RepositoryRoot.Combine("actions", "validate-workflows", "README.md");
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var from = readme.IndexOf(Start, StringComparison.Ordinal);
        var to = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"README.md needs the markers {Start} and {End}");

        var expected = readme[..(from + Start.Length)] + "\n" + Table() + readme[to..];
        if (expected != readme && Environment.GetEnvironmentVariable("UPDATE_RULE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(expected == readme, "actions/validate-workflows/README.md's rule table is out of date; run: UPDATE_RULE_DOCS=1 dotnet test tests/ValidateWorkflows.Tests --filter RuleDocsTests");
    }

    [Fact]
    public void Rule_ids_are_unique_kebab_case_and_described()
    {
        var rules = EngineChecks.Catalog(RuleSet.All());

        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rules, r => Assert.Matches("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", r.Id));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Description), r.Id));
    }

    private static string Table()
    {
        var table = new StringBuilder("| Rule | Severity | What it checks |\n| --- | --- | --- |\n");
        foreach (var rule in EngineChecks.Catalog(RuleSet.All()))
        {
            var severity = rule.Severity == Severity.Error ? "error" : "warning";
            table.Append("| `").Append(rule.Id).Append("` | ").Append(severity).Append(" | ").Append(rule.Description.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        return table.ToString();
    }
}
