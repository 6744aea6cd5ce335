using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Tests;

public class YamlLoaderTests
{
    [Fact]
    public void Keys_and_values_keep_their_line_and_column()
    {
        var document = YamlLoader.Load("on: push\njobs:\n  build:\n    runs-on: 'ubuntu-latest'\n");

        var root = Assert.IsType<MappingNode>(document.Root);
        var build = root.GetMapping("jobs")!.Entries[0];
        Assert.Equal(new Position(3, 3), build.Key.Start);
        var runsOn = ((MappingNode)build.Value).GetScalar("runs-on")!;
        Assert.Equal(new Position(4, 14), runsOn.Start);
        Assert.Equal(new Position(4, 29), runsOn.End);
        Assert.Equal("ubuntu-latest", runsOn.Value);
    }

    [Fact]
    public void Unclosed_flow_collection_is_reported_above_where_it_opens_naming_both_places()
    {
        var document = YamlLoader.Load("on: push\njobs:\n  build:\n    runs-on: [a, b\n    steps: []\n");

        var problem = Assert.Single(document.Problems);
        Assert.Equal(YamlProblemKind.Syntax, problem.Kind);
        Assert.Equal(new Position(3, 1), problem.Position);
        Assert.Contains("opened at line 4, column 14 is not closed before line 5", problem.Message, StringComparison.Ordinal);
        Assert.Null(document.Root);
    }

    [Fact]
    public void Scanner_error_has_the_scanner_line_and_column()
    {
        var document = YamlLoader.Load("on: push\njobs:\n  build:\n    runs-on: 'ubuntu\n");

        var problem = Assert.Single(document.Problems);
        Assert.Equal(new Position(4, 14), problem.Position);
    }

    [Fact]
    public void Duplicate_keys_are_kept_for_the_rule_to_report_and_only_the_first_is_read()
    {
        var document = YamlLoader.Load("a: 1\nA: 2\nb: 3\na: 4\n");

        var root = Assert.IsType<MappingNode>(document.Root);
        Assert.Equal(4, root.AllEntries.Count);
        Assert.Equal(["a", "A", "b"], root.Entries.Select(e => e.Key.Value));
        Assert.Equal("1", root.GetScalar("a")!.Value);
    }

    [Fact]
    public void Aliases_share_the_anchored_node_and_count_towards_the_limit()
    {
        const string Text = "a: &x [1, 2, 3]\nb: *x\nc: *x\n";
        var shared = Assert.IsType<MappingNode>(YamlLoader.Load(Text).Root);
        Assert.Same(shared.Get("a"), shared.Get("b"));
        Assert.Same(shared.Get("a"), shared.Get("c"));

        // Expanded, the document is 16 nodes: after line 1 there are 6 (mapping, key, sequence of 3), line 2
        // adds 5 (key + the 4 nodes of the alias), line 3 five more. Were aliases counted as one node, 12
        // would never be exceeded.
        var document = YamlLoader.Load(Text, new YamlLimits(MaxNodes: 12));

        var problem = Assert.Single(document.Problems);
        Assert.Equal(YamlProblemKind.Limit, problem.Kind);
        Assert.Equal(3, problem.Position.Line);
    }

    [Fact]
    public void Second_document_is_a_problem_but_the_first_is_kept()
    {
        var document = YamlLoader.Load("a: 1\n---\nb: 2\n");

        Assert.NotNull(document.Root);
        Assert.Equal(2, Assert.Single(document.Problems).Position.Line);
    }
}
