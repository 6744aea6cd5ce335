using Tailpaste.ReleaseArtifacts.Changelog;

namespace Tailpaste.ReleaseArtifacts.Tests;

public class ConventionalCommitTests
{
    [Fact]
    public void Reads_type_scope_bang_subject_and_pull_request()
    {
        var commit = ConventionalCommit.Parse("feat(api)!: add expiry (#123)\n\nbody");

        Assert.Equal("feat", commit.Type);
        Assert.Equal("api", commit.Scope);
        Assert.Equal("add expiry", commit.Subject);
        Assert.True(commit.IsBreaking);
        Assert.Equal(123, commit.PullRequest);
    }

    [Theory]
    [InlineData("refactor: x\n\nBREAKING CHANGE: config moved", "config moved")]
    [InlineData("fix: y\n\nSigned-off-by: a\nBREAKING-CHANGE: flag removed", "flag removed")]
    public void A_breaking_change_footer_makes_any_type_breaking(string message, string note)
    {
        var commit = ConventionalCommit.Parse(message);

        Assert.True(commit.IsBreaking);
        Assert.Equal(note, commit.BreakingNote);
        Assert.Equal(ChangelogGroup.BreakingChanges, ChangelogBuilder.GroupOf(commit));
    }

    [Theory]
    [InlineData("Update README", null)]
    [InlineData("feat add thing", null)]
    [InlineData("feat:no space", null)]
    [InlineData("Merge pull request #5 from x/y", null)]
    [InlineData("fix(scope: broken", null)]
    public void Anything_else_is_not_conventional_but_keeps_its_first_line(string message, string? type)
    {
        var commit = ConventionalCommit.Parse(message + "\n\nmore");

        Assert.Equal(type, commit.Type);
        Assert.False(commit.IsConventional);
        Assert.Equal(message, commit.Subject);
        Assert.Equal(ChangelogGroup.Others, ChangelogBuilder.GroupOf(commit));
    }

    [Theory]
    [InlineData("feat: a", ChangelogGroup.Features)]
    [InlineData("FIX: b", ChangelogGroup.Fixes)]
    [InlineData("perf(db): c", ChangelogGroup.Performance)]
    [InlineData("build: d", ChangelogGroup.Others)]
    [InlineData("revert: e", ChangelogGroup.Others)]
    public void Groups_by_type(string message, ChangelogGroup group)
    {
        Assert.Equal(group, ChangelogBuilder.GroupOf(ConventionalCommit.Parse(message)));
    }
}
