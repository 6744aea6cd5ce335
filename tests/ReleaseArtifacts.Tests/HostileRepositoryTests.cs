using System.Formats.Tar;
using System.IO.Compression;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// Repository content is hostile: a link committed where a file is expected, or left in output-dir (which is
/// often inside the checkout), must never be followed. The bait is the token actions/checkout keeps in
/// .git/config as an http extraheader.
/// </summary>
public sealed class HostileRepositoryTests : IDisposable
{
    private const string Token = "Z2hzX0NoZWNrb3V0VG9rZW5JbkdpdENvbmZpZw==";
    private readonly SampleHistory _history = SampleHistory.Create();
    private readonly FakeGitHub _github = new();
    private readonly string _scratch = Directory.CreateTempSubdirectory("release-artifacts-hostile-").FullName;

    public HostileRepositoryTests()
    {
        // What actions/checkout writes (persist-credentials: true, the default).
        _history.Repository.Git("config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic " + Token);
    }

    private string Dist => Path.Combine(_history.Path, "dist");

    [Fact]
    public async Task A_committed_changelog_linking_to_git_config_is_refused_and_the_token_goes_nowhere()
    {
        CommitChangelogLinkAndRetag();

        using var run = await StartAsync("validate, changelog, archive, checksums, installer, publish", new() { ["archive-extras"] = "CHANGELOG.md" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'changelog-file'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("symbolic link (mode 120000)", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dist), "output-dir was created");
        Assert.Empty(_github.Requests);
        LeakScan.AssertNowhere(Token, run, _github, _history.Path + "/dist", run.Folder);
    }

    [Theory]
    [InlineData("gitlink", "a submodule (gitlink, mode 160000)")]
    [InlineData("folder", "a folder")]
    public async Task A_changelog_file_that_is_no_regular_file_in_the_tagged_commit_is_bad_input(string kind, string described)
    {
        if (kind == "gitlink")
        {
            // Straight into the index and committed from there: "git add -A" would drop a gitlink with no checkout.
            _history.Repository.Git("update-index", "--add", "--cacheinfo", $"160000,{_history.First},CHANGELOG.md");
            _history.Repository.Git("-c", "user.name=Alice", "-c", "user.email=alice@example.test", "commit", "-q", "-m", "docs: changelog");
        }
        else
        {
            _history.Repository.Write("CHANGELOG.md/entry.md", "a folder where the changelog should be\n");
            _history.Repository.Commit("docs: changelog");
        }

        _history.Repository.Git("tag", "-f", "v2.0.0");

        using var run = await StartAsync("validate, changelog");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Input 'changelog-file' has the value 'CHANGELOG.md'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"a regular file in v2.0.0, but there it is {described}", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dist), "output-dir was created");
    }

    [Fact]
    public async Task Without_the_changelog_step_the_linked_changelog_is_archived_as_a_link_never_as_its_target()
    {
        CommitChangelogLinkAndRetag();

        using var run = await StartAsync("validate, archive, checksums, publish");

        Assert.True(run.ExitCode == 0, run.Stdout);
        var entry = ArchiveEntry(Path.Combine(Dist, "tailpaste-2.0.0.tar.gz"), "tailpaste-2.0.0/CHANGELOG.md");
        Assert.Equal(TarEntryType.SymbolicLink, entry.EntryType);
        Assert.Equal(".git/config", entry.LinkName);
        Assert.Contains(_github.Lines, l => l.EndsWith("?name=tailpaste-2.0.0.tar.gz", StringComparison.Ordinal));
        LeakScan.AssertNowhere(Token, run, _github, Dist, run.Folder);
    }

    [Theory]
    [InlineData("release-notes.md")]
    [InlineData("CHANGELOG.md")]
    [InlineData("tailpaste-2.0.0.tar.gz")]
    [InlineData("install.sh")]
    [InlineData("SHA256SUMS")]
    public async Task A_link_left_in_output_dir_is_never_picked_up(string name)
    {
        Directory.CreateDirectory(Dist);
        File.CreateSymbolicLink(Path.Combine(Dist, name), "../.git/config");

        using var run = await StartAsync("publish");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'output-dir'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{name} in it, left by an earlier job, to be a regular file, but it is a symbolic link", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(_github.Requests);
        LeakScan.AssertNowhere(Token, run, _github, run.Folder);
    }

    [Fact]
    public async Task An_output_dir_that_is_a_link_is_refused_and_nothing_is_written_where_it_points()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_scratch, "elsewhere")).FullName;
        Directory.CreateSymbolicLink(Dist, elsewhere);

        using var run = await StartAsync("validate, changelog, archive, checksums, installer");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'output-dir'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("is a symbolic link, which is never followed", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
    }

    [Fact]
    public async Task A_folder_above_output_dir_that_is_a_link_is_refused()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_scratch, "elsewhere")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(_history.Path, "build"), elsewhere);

        using var run = await StartAsync("validate, archive", new() { ["output-dir"] = Path.Combine(_history.Path, "build", "dist") });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/build is a symbolic link", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
    }

    [Fact]
    public async Task A_link_at_a_fixed_temporary_name_is_not_written_through()
    {
        var victim = Path.Combine(_scratch, "victim.txt");
        File.WriteAllText(victim, "precious\n");
        Directory.CreateDirectory(Dist);
        File.CreateSymbolicLink(Path.Combine(Dist, "tailpaste-2.0.0.tar.gz.tmp"), victim);

        using var run = await StartAsync("validate, archive");

        Assert.True(run.ExitCode == 0, run.Stdout);
        Assert.Equal("precious\n", File.ReadAllText(victim));
        Assert.True(File.Exists(Path.Combine(Dist, "tailpaste-2.0.0.tar.gz")));
    }

    /// <summary>Replaces CHANGELOG.md by a link to .git/config in a new commit and moves v2.0.0 there.</summary>
    private void CommitChangelogLinkAndRetag()
    {
        File.CreateSymbolicLink(Path.Combine(_history.Path, "CHANGELOG.md"), ".git/config");
        _history.Repository.Commit("docs: changelog");
        _history.Repository.Git("tag", "-f", "v2.0.0");
    }

    private Task<ActionRun> StartAsync(string steps, Dictionary<string, string>? extra = null)
    {
        var inputs = new Dictionary<string, string>
        {
            ["version"] = "2.0.0",
            ["steps"] = steps,
            ["output-dir"] = Dist,
            ["repository"] = "octo/tailpaste",
            ["github-api-url"] = _github.ApiUrl,
            ["github-token"] = "ghs_PublishToken",
        };
        foreach (var (name, value) in extra ?? [])
        {
            inputs[name] = value;
        }

        return ActionRun.StartAsync(_history.Path, inputs);
    }

    private static TarEntry ArchiveEntry(string archive, string name)
    {
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name == name)
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"{name} is not in {archive}.");
    }

    public void Dispose()
    {
        _github.Dispose();
        _history.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
