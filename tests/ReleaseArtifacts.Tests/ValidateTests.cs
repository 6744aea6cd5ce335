using Tailpaste.ReleaseArtifacts.Git;
using Tailpaste.ReleaseArtifacts.Versioning;

namespace Tailpaste.ReleaseArtifacts.Tests;

public sealed class ValidateTests : IDisposable
{
    private readonly SampleHistory _history = SampleHistory.Create();

    [Theory]
    [InlineData("1.2.3", "1.2.3", false)]
    [InlineData("v1.2.3", "1.2.3", false)]
    [InlineData("refs/tags/v2.0.0-rc.1", "2.0.0-rc.1", true)]
    [InlineData("1.0.0-alpha.1+build.7", "1.0.0-alpha.1+build.7", true)]
    [InlineData("1.0.0+sha.abc", "1.0.0+sha.abc", false)]
    public void Parses_SemVer_with_or_without_v(string text, string expected, bool prerelease)
    {
        Assert.True(ReleaseVersion.TryParse(text, out var version));
        Assert.Equal(expected, version!.Text);
        Assert.Equal(prerelease, version.IsPrerelease);
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3.4")]
    [InlineData("V1.2.3")]
    [InlineData("vv1.2.3")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-01")]
    [InlineData("v1.2.3;rm -rf /")]
    [InlineData("1.2.3 ")]
    [InlineData("latest")]
    public void Rejects_what_is_not_SemVer(string text)
    {
        Assert.False(ReleaseVersion.TryParse(text, out _));
    }

    [Fact]
    public async Task Validates_the_pushed_tag_and_finds_the_previous_release()
    {
        using var run = await ActionRun.StartAsync(_history.Path, new Dictionary<string, string> { ["steps"] = "validate" }, new Dictionary<string, string> { ["GITHUB_REF"] = "refs/tags/v2.0.0" });

        Assert.Equal(0, run.ExitCode);
        var outputs = run.Outputs;
        Assert.Equal("2.0.0", outputs["version"]);
        Assert.Equal("v2.0.0", outputs["tag"]);
        Assert.Equal("false", outputs["is-prerelease"]);
        Assert.Equal("v1.1.0-rc.1", outputs["previous-tag"]);
        Assert.True(File.Exists(outputs["report-path"]));
        Assert.Contains("\"previous_tag\": \"v1.1.0-rc.1\"", File.ReadAllText(outputs["report-path"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pre_release_tag_on_an_older_commit_is_valid_when_that_commit_is_released()
    {
        // Releasing the rc again (re-run) from its own commit, with v2.0.0 above it, goes backwards.
        using var run = await ActionRun.StartAsync(_history.Path, new Dictionary<string, string> { ["steps"] = "validate", ["version"] = "v1.1.0-rc.1", ["commit"] = _history.Rc });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("v2.0.0 is already released", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Previous_tag_is_the_highest_below_even_when_tags_were_created_out_of_order()
    {
        var validator = new ReleaseValidator(new GitCli(_history.Path));
        ReleaseVersion.TryParse("1.1.0-rc.1", out var rc);

        var release = await validator.ValidateAsync(rc!, _history.Rc, strict: false);

        Assert.Equal("v1.0.0", release.Previous!.Name);
        Assert.Equal(_history.Rc, release.Tag.Commit);
    }

    [Theory]
    [InlineData("v1.2.3;rm -rf /", "SemVer 2.0")]
    [InlineData("1.2", "SemVer 2.0")]
    [InlineData("$(touch pwned)", "SemVer 2.0")]
    [InlineData("3.0.0", "an existing tag (v3.0.0 or 3.0.0)")]
    [InlineData("1.0.0", "to point at the released commit")]
    public async Task Bad_versions_exit_2_and_write_nothing(string version, string expected)
    {
        using var run = await ActionRun.StartAsync(_history.Path, new Dictionary<string, string> { ["version"] = version });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'version'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.OutputDir));
        Assert.False(File.Exists(Path.Combine(_history.Path, "pwned")));
        Assert.Equal(string.Empty, File.ReadAllText(run.OutputFile));
    }

    [Fact]
    public async Task A_version_below_the_last_release_is_rejected_as_going_backwards()
    {
        _history.Repository.Commit("fix: late hotfix");
        _history.Repository.Tag("v1.5.0");

        using var run = await ActionRun.StartAsync(_history.Path, new Dictionary<string, string> { ["version"] = "1.5.0" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'1.5.0'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("no going backwards", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.OutputDir));
    }

    [Fact]
    public async Task A_branch_push_without_a_version_is_bad_input()
    {
        using var run = await ActionRun.StartAsync(_history.Path, new Dictionary<string, string>(), new Dictionary<string, string> { ["GITHUB_REF"] = "refs/heads/main" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'refs/heads/main'", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_without_a_token_is_bad_input()
    {
        using var run = await ActionRun.StartAsync(_history.Path, new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "validate, publish", ["repository"] = "octo/tailpaste" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'github-token' is required", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.OutputDir));
    }

    [Theory]
    [InlineData("http://api.example.com")]
    [InlineData("http://10.1.2.3/api/v3")]
    public async Task A_plain_http_api_url_to_another_machine_is_bad_input(string apiUrl)
    {
        using var run = await ActionRun.StartAsync(
            _history.Path,
            new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "validate, publish", ["repository"] = "octo/tailpaste", ["github-api-url"] = apiUrl, ["dry-run"] = "true" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Input 'github-api-url' has the value '{apiUrl}'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("plain http only to localhost", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.OutputDir));
    }

    public void Dispose() => _history.Dispose();
}
