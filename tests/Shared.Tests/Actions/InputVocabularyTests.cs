using System.Text.RegularExpressions;
using Tailpaste.Shared.Actions;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Actions;

/// <summary>
/// One name for one thing across actions: every action.yml is checked against the vocabulary table in
/// docs/architecture.md (between its markers): a shared input is never spelled another way, and where an action
/// declares it, its description says what the table says it must (word for word where the table gives the opening).
/// </summary>
public sealed partial class InputVocabularyTests
{
    private sealed record Entry(string Name, string? Opening, string Mentions, IReadOnlyList<string> NeverSpelled);

    public static TheoryData<string> Actions() => ActionReadmeTests.Actions();

    [Fact]
    public void Vocabulary_table_lists_the_shared_inputs()
    {
        var names = Vocabulary().Select(e => e.Name).ToList();

        Assert.Equal(["github-token", "github-api-url", "repository", "docker-host", "report-path", "dry-run", "container-name", "service-url", "upload-token", "slo"], names);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Action_yml_uses_the_vocabulary_names(string action)
    {
        var manifest = ActionManifest.Load(RepositoryRoot.Combine("actions", action, "action.yml"));

        foreach (var entry in Vocabulary())
        {
            foreach (var other in entry.NeverSpelled)
            {
                Assert.True(manifest.FindInput(other) is null, $"actions/{action}/action.yml declares '{other}'; the vocabulary calls it '{entry.Name}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Action_yml_describes_shared_inputs_as_the_table_says(string action)
    {
        var manifest = ActionManifest.Load(RepositoryRoot.Combine("actions", action, "action.yml"));

        foreach (var entry in Vocabulary())
        {
            if (manifest.FindInput(entry.Name) is not { } input)
            {
                continue;
            }

            var description = Regex.Replace(input.Description, @"\s+", " ").Trim();
            if (entry.Opening is not null)
            {
                Assert.True(description.StartsWith(entry.Opening, StringComparison.Ordinal), $"actions/{action}: '{entry.Name}' should open with \"{entry.Opening}\", not \"{description}\"");
            }

            Assert.True(description.Contains(entry.Mentions, StringComparison.Ordinal), $"actions/{action}: '{entry.Name}' should mention \"{entry.Mentions}\": \"{description}\"");
        }
    }

    [Fact]
    public void Report_path_is_export_on_the_command_line_of_every_action_that_declares_it()
    {
        var manifest = ActionManifest.Parse("inputs:\n  report-path:\n    description: Where to write the JSON report.\n");
        var definition = new ActionDefinition<int>("demo", manifest, (_, _) => 0, (_, _, _) => Task.FromResult(0));

        var commandLine = CommandLine.Parse(["--export", "out.json"], manifest, definition.Aliases);

        Assert.Equal("out.json", commandLine.Values["report-path"]);
    }

    [Fact]
    public void Docker_host_is_host_on_the_command_line_of_every_action_that_declares_it()
    {
        var manifest = ActionManifest.Parse("inputs:\n  docker-host:\n    description: The Docker engine.\n");
        var definition = new ActionDefinition<int>("demo", manifest, (_, _) => 0, (_, _, _) => Task.FromResult(0));

        var commandLine = CommandLine.Parse(["--host", "tcp://127.0.0.1:2375"], manifest, definition.Aliases);

        Assert.Equal("tcp://127.0.0.1:2375", commandLine.Values["docker-host"]);
    }

    [Fact]
    public void A_shared_alias_is_absent_where_its_input_is_not_declared_and_an_actions_own_alias_wins()
    {
        var manifest = ActionManifest.Parse("inputs:\n  docker-host:\n    description: The Docker engine.\n  hostname:\n    description: A name.\n");
        var bare = new ActionDefinition<int>("demo", manifest, (_, _) => 0, (_, _, _) => Task.FromResult(0));
        var own = bare with { Aliases = new Dictionary<string, string> { ["host"] = "hostname" } };

        Assert.False(bare.Aliases.ContainsKey("export"), "no report-path, so no --export");
        Assert.Equal("docker-host", bare.Aliases["host"]);
        Assert.Equal("hostname", own.Aliases["host"]);
    }

    // | `name` | meaning | opening | mentions | never spelled |
    private static List<Entry> Vocabulary()
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("docs", "architecture.md")).ReplaceLineEndings("\n");
        var start = text.IndexOf("<!-- vocabulary:start -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- vocabulary:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/architecture.md has no vocabulary table between <!-- vocabulary:start --> and <!-- vocabulary:end -->");
        var entries = new List<Entry>();
        foreach (var row in text[start..end].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length == 5, $"a vocabulary row has 5 cells: {row}");
            var opening = Code(cells[2]).SingleOrDefault();
            entries.Add(new Entry(Code(cells[0]).Single(), opening, Code(cells[3]).Single(), Code(cells[4])));
        }

        return entries;
    }

    private static List<string> Code(string cell) => CodeSpan().Matches(cell).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
