using Tailpaste.Shared.Actions;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Actions;

/// <summary>
/// Every action's README shows the inputs and outputs its action.yml declares.
/// Run with UPDATE_ACTION_DOCS=1 to rewrite the tables instead of failing.
/// </summary>
public sealed class ActionReadmeTests
{
    public static TheoryData<string> Actions()
    {
        var data = new TheoryData<string>();
        foreach (var manifest in Directory.GetFiles(RepositoryRoot.Combine("actions"), "action.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(manifest)!));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Readme_tables_match_action_yml(string action)
    {
        var folder = RepositoryRoot.Combine("actions", action);
        var manifest = ActionManifest.Load(Path.Combine(folder, "action.yml"));
        var readmePath = Path.Combine(folder, "README.md");
        var readme = File.ReadAllText(readmePath).ReplaceLineEndings("\n");

        var expected = ActionDocs.Update(readme, manifest);

        if (expected != readme && Environment.GetEnvironmentVariable("UPDATE_ACTION_DOCS") == "1")
        {
            File.WriteAllText(readmePath, expected);
            return;
        }

        Assert.True(expected == readme, $"actions/{action}/README.md is out of date with action.yml; run: UPDATE_ACTION_DOCS=1 dotnet test tests/Shared.Tests --filter ActionReadmeTests");
    }

    [Fact]
    public void Tables_are_generated_from_the_manifest()
    {
        var readme = "# x\n<!-- action-docs:inputs -->\nold\n<!-- action-docs:end -->\n\n<!-- action-docs:outputs -->\n<!-- action-docs:end -->\n";

        var updated = ActionDocs.Update(readme, TestManifest.Manifest);

        Assert.Contains("| `attempts` | How many requests to make. | `3` | no |", updated, StringComparison.Ordinal);
        Assert.Contains("| `labels` | key=value pairs. | `environment=testing`<br>`managed-by=ci` | no |", updated, StringComparison.Ordinal);
        Assert.Contains("| `p95-ms` | 95th percentile latency. |", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("old", updated, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_without_markers_is_an_error() =>
        Assert.Throws<FormatException>(() => ActionDocs.Update("# no markers\n", TestManifest.Manifest));
}
