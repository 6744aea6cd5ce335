using Semver;
using Tailpaste.ReleaseArtifacts.Changelog;

namespace Tailpaste.ReleaseArtifacts.Tests;

public sealed class ChangelogTests : IDisposable
{
    private readonly SampleHistory _history = SampleHistory.Create();

    [Fact]
    public async Task Writes_grouped_notes_from_the_real_history_between_the_tags()
    {
        using var run = await ActionRun.StartAsync(
            _history.Path,
            new Dictionary<string, string> { ["version"] = "v2.0.0", ["steps"] = "validate, changelog", ["repository"] = "octo/tailpaste" },
            new Dictionary<string, string> { ["GITHUB_SERVER_URL"] = "https://github.example" });

        Assert.Equal(0, run.ExitCode);
        var notes = File.ReadAllText(run.Outputs["notes-path"]);
        var sha = _history.Head[..7];
        var expected = $"""
            ### Breaking changes

            - refactor: **core:** split storage ([{sha}](https://github.example/octo/tailpaste/commit/{_history.Head})) by Erin Refactor
              - the storage folder moved to /var/lib/tailpaste
            - feat: drop the v1 API
            """;
        Assert.StartsWith(expected.Replace("\r", string.Empty, StringComparison.Ordinal), notes, StringComparison.Ordinal);
        Assert.Contains("### Fixes\n\n- **ui:** escape &lt;b&gt;titles&lt;/b&gt; ([#34](https://github.example/octo/tailpaste/pull/34)) ([", notes, StringComparison.Ordinal);
        Assert.Contains("by Dave Branch\n", notes, StringComparison.Ordinal);
        Assert.Contains("### Others\n\n- Update README wording (", notes, StringComparison.Ordinal);

        // Commits before the previous tag (v1.1.0-rc.1), hidden types and the merge commit stay out.
        Assert.DoesNotContain("paste expiry", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("describe the installer", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("cache packages", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("Merge branch", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("### Features", notes, StringComparison.Ordinal);
        Assert.Equal("2.0.0", run.Outputs["suggested-version"]);
    }

    [Fact]
    public async Task Merges_and_hidden_types_can_be_included()
    {
        using var run = await ActionRun.StartAsync(
            _history.Path,
            new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "validate, changelog", ["hide-types"] = "none", ["include-merges"] = "true" });

        Assert.Equal(0, run.ExitCode);
        var notes = File.ReadAllText(run.Outputs["notes-path"]);
        Assert.Contains("- docs: describe the installer (", notes, StringComparison.Ordinal);
        Assert.Contains("- ci: cache packages (", notes, StringComparison.Ordinal);
        Assert.Contains("- Merge branch 'topic' (", notes, StringComparison.Ordinal);
        Assert.Contains($"({_history.Head[..7]}) by Erin Refactor", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prepends_a_keep_a_changelog_section_with_a_compare_link_and_replaces_it_on_a_rerun()
    {
        CommitAndRetag(
            """
            # Changelog

            Intro text.

            ## [Unreleased]

            ## [1.0.0] - 2026-01-01

            - First.

            [Unreleased]: https://github.com/octo/tailpaste/compare/v1.0.0...HEAD
            [1.0.0]: https://github.com/octo/tailpaste/releases/tag/v1.0.0

            """);
        var inputs = new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "changelog", ["repository"] = "octo/tailpaste" };

        using var first = await ActionRun.StartAsync(_history.Path, inputs);
        Assert.Equal(0, first.ExitCode);
        var changelog = File.ReadAllText(first.Outputs["changelog-path"]);

        var date = TagDate();
        Assert.Contains($"## [Unreleased]\n\n## [2.0.0] - {date}\n\n### Breaking changes\n", changelog, StringComparison.Ordinal);
        Assert.True(changelog.IndexOf("## [2.0.0]", StringComparison.Ordinal) < changelog.IndexOf("## [1.0.0]", StringComparison.Ordinal));
        Assert.Contains(
            "[Unreleased]: https://github.com/octo/tailpaste/compare/v1.0.0...HEAD\n[2.0.0]: https://github.com/octo/tailpaste/compare/v1.1.0-rc.1...v2.0.0\n[1.0.0]: ",
            changelog,
            StringComparison.Ordinal);

        // A re-run (the tag moved to a commit whose changelog already has the section): replaced, not repeated.
        CommitAndRetag(changelog);
        using var second = await ActionRun.StartAsync(_history.Path, inputs);
        Assert.Equal(changelog.Replace($"## [2.0.0] - {date}", $"## [2.0.0] - {TagDate()}", StringComparison.Ordinal), File.ReadAllText(second.Outputs["changelog-path"]));
    }

    [Fact]
    public async Task The_changelog_is_read_from_the_tagged_commit_never_from_the_working_tree()
    {
        CommitAndRetag("# Changelog\n\nCommitted text.\n");
        _history.Repository.Write("CHANGELOG.md", "# Changelog\n\nAn edit in the working tree, not released.\n");

        using var run = await ActionRun.StartAsync(_history.Path, new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "changelog" });

        Assert.Equal(0, run.ExitCode);
        var changelog = File.ReadAllText(run.Outputs["changelog-path"]);
        Assert.Contains("Committed text.", changelog, StringComparison.Ordinal);
        Assert.DoesNotContain("working tree", changelog, StringComparison.Ordinal);
    }

    [Fact]
    public void Creates_a_changelog_when_there_is_none()
    {
        var text = KeepAChangelogFile.Prepend(null, "1.0.0", new DateOnly(2026, 2, 3), "### Features\n\n- a\n", "https://x/compare/v0.9.0...v1.0.0");

        Assert.StartsWith("# Changelog\n", text, StringComparison.Ordinal);
        Assert.Contains("## [1.0.0] - 2026-02-03\n\n### Features\n\n- a\n\n[1.0.0]: https://x/compare/v0.9.0...v1.0.0\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.4.2", "feat: x", "1.5.0")]
    [InlineData("1.4.2", "fix: x", "1.4.3")]
    [InlineData("1.4.2", "Some plain commit", "1.4.3")]
    [InlineData("1.4.2", "feat!: x", "2.0.0")]
    [InlineData("1.4.2", "chore: x\n\nBREAKING CHANGE: y", "2.0.0")]
    [InlineData("2.0.0-rc.1", "feat: x", "2.0.0")]
    [InlineData("2.0.0-rc.1", "feat!: x", "2.0.0")]
    [InlineData("1.1.0-rc.1", "feat!: x", "2.0.0")]
    [InlineData("1.1.0-rc.1", "fix: x", "1.1.0")]
    [InlineData("1.1.1-rc.1", "feat: x", "1.2.0")]
    [InlineData(null, "feat: x", "0.1.0")]
    public void Suggests_the_next_version(string? previous, string message, string expected)
    {
        var entries = new ChangelogBuilder([], includeMerges: false)
            .Build([new CommitRecord("0123456789", ["p"], "A", DateTimeOffset.UnixEpoch, message)]);
        var prev = previous is null ? null : SemVersion.Parse(previous, SemVersionStyles.Strict);

        Assert.Equal(expected, NextVersion.Suggest(prev, entries).ToString());
    }

    /// <summary>Commits CHANGELOG.md with <paramref name="text"/> and moves v2.0.0 to that commit.</summary>
    private void CommitAndRetag(string text)
    {
        _history.Repository.Write("CHANGELOG.md", text);
        _history.Repository.Commit("docs: changelog");
        _history.Repository.Git("tag", "-f", "v2.0.0");
    }

    private string TagDate() =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(_history.Repository.Git("log", "-1", "--format=%ct", "v2.0.0").Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _history.Dispose();
}
