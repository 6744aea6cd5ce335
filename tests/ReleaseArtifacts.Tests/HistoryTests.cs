using System.Text.RegularExpressions;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Processes;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>The changelog over histories the action meets for real: this repository's own, and shallow clones.</summary>
public sealed partial class HistoryTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("release-artifacts-history-").FullName;

    [Fact]
    public async Task The_changelog_of_this_repository_lists_every_commit_in_its_section()
    {
        // A clone of this repository as it is now, with a first release tag on HEAD.
        var clone = Path.Combine(_scratch, "self");
        ToolProcess.Run("git", ["clone", "-q", "--no-hardlinks", RepositoryRoot.Path, clone]).EnsureSuccess();
        ToolProcess.Run("git", ["-c", "user.name=T", "-c", "user.email=t@example.test", "tag", "v0.1.0"], clone).EnsureSuccess();
        var log = ToolProcess.Run("git", ["log", "--no-merges", "--format=%h%x09%s", "v0.1.0"], clone).EnsureSuccess().Stdout.TrimEnd('\n').Split('\n');
        // A breaking change (a '!' before the colon, or a BREAKING CHANGE footer) goes to its own section, whatever its type.
        var breaking = ToolProcess.Run("git", ["log", "--no-merges", "--format=%h", "--grep=^BREAKING[ -]CHANGE:", "v0.1.0"], clone).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        breaking.UnionWith(log.Where(l => BreakingMark().IsMatch(l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..])).Select(l => l[..l.IndexOf('\t', StringComparison.Ordinal)]));

        using var run = await ActionRun.StartAsync(clone, new Dictionary<string, string> { ["version"] = "v0.1.0", ["steps"] = "validate, changelog", ["hide-types"] = "none" });

        Assert.True(run.ExitCode == 0, run.Stdout);
        Assert.Equal(string.Empty, run.Outputs["previous-tag"]);
        var notes = File.ReadAllText(run.Outputs["notes-path"]);
        var sections = Sections(notes);
        Assert.Equal(log.Length, sections.Values.Sum(lines => lines.Count));
        foreach (var commit in log)
        {
            var sha = commit[..commit.IndexOf('\t', StringComparison.Ordinal)];
            var subject = commit[(sha.Length + 1)..];
            var expected = breaking.Contains(sha) ? "Breaking changes" : TypeOf(subject) switch
            {
                "feat" => "Features",
                "fix" => "Fixes",
                "perf" => "Performance",
                _ => "Others",
            };
            Assert.Single(sections[expected], l => l.Contains($"({sha})", StringComparison.Ordinal));
        }

        var suggested = breaking.Count > 0 ? "1.0.0" : log.Any(l => TypeOf(l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..]) == "feat") ? "0.1.0" : "0.0.1";
        Assert.Equal(suggested, run.Outputs["suggested-version"]);
        Assert.StartsWith("# Changelog\n", File.ReadAllText(run.Outputs["changelog-path"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shallow_clone_is_refused_with_the_fix_instead_of_a_short_changelog()
    {
        using var history = SampleHistory.Create();
        var clone = Path.Combine(_scratch, "shallow");
        ToolProcess.Run("git", ["clone", "-q", "--depth", "1", "--no-single-branch", "file://" + history.Path, clone]).EnsureSuccess();
        ToolProcess.Run("git", ["fetch", "-q", "--depth", "1", "origin", "refs/tags/v2.0.0:refs/tags/v2.0.0", "refs/tags/v1.1.0-rc.1:refs/tags/v1.1.0-rc.1"], clone).EnsureSuccess();

        using var run = await ActionRun.StartAsync(clone, new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "validate, changelog" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'repository-path'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("fetch-depth: 0", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.OutputDir));
    }

    [Fact]
    public async Task A_shallow_clone_without_the_tag_says_why_the_tag_is_missing()
    {
        using var history = SampleHistory.Create();
        var clone = Path.Combine(_scratch, "notags");
        ToolProcess.Run("git", ["clone", "-q", "--depth", "1", "--no-tags", "file://" + history.Path, clone]).EnsureSuccess();

        using var run = await ActionRun.StartAsync(clone, new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "validate" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("an existing tag (v2.0.0 or 2.0.0); this clone is shallow", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_created_out_of_order_and_an_older_commit_with_a_higher_tag_block_going_backwards()
    {
        using var history = SampleHistory.Create(tagHead: false);
        history.Repository.Tag("v3.0.0", history.Rc);

        using var run = await ActionRun.StartAsync(history.Path, new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "validate" }, new Dictionary<string, string> { ["GITHUB_SHA"] = history.Head });

        // v2.0.0 does not exist yet: that is reported first; once tagged, v3.0.0 on an older commit still blocks it.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("an existing tag", run.Stdout, StringComparison.Ordinal);
        history.Repository.Tag("v2.0.0");
        using var again = await ActionRun.StartAsync(history.Path, new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "validate" }, new Dictionary<string, string> { ["GITHUB_SHA"] = history.Head });
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("tag v3.0.0 is already released (no going backwards)", again.Stdout, StringComparison.Ordinal);
    }

    private static string? TypeOf(string subject)
    {
        var match = ConventionalType().Match(subject);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Dictionary<string, List<string>> Sections(string notes)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["Breaking changes"] = [],
            ["Features"] = [],
            ["Fixes"] = [],
            ["Performance"] = [],
            ["Others"] = [],
        };
        List<string>? current = null;
        foreach (var line in notes.Split('\n'))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                current = sections[line[4..]];
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                current!.Add(line);
            }
        }

        return sections;
    }

    [GeneratedRegex(@"^([a-z]+)(?:\([^)]*\))?: ")]
    private static partial Regex ConventionalType();

    [GeneratedRegex(@"^[a-z]+(\([^)]*\))?!:")]
    private static partial Regex BreakingMark();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
