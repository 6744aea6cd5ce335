using Tailpaste.TestKit.Processes;
namespace Tailpaste.ReleaseArtifacts.Tests;

public sealed class ArchiveTests : IDisposable
{
    private const string ArchiveName = "tailpaste-2.0.0.tar.gz";
    private readonly SampleHistory _history = SampleHistory.Create();
    private readonly string _scratch = Directory.CreateTempSubdirectory("release-artifacts-archive-").FullName;

    private static Dictionary<string, string> Inputs => new() { ["version"] = "2.0.0", ["steps"] = "validate, archive, checksums" };

    [Fact]
    public async Task Two_builds_with_other_clone_time_zone_umask_and_mtimes_are_byte_identical()
    {
        using var first = await ActionRun.StartAsync(_history.Path, Inputs);
        Assert.Equal(0, first.ExitCode);
        var firstBytes = File.ReadAllBytes(first.Outputs["archive-path"]);

        // Another "machine": a fresh clone elsewhere (inputs as CLI flags: sh drops variables named INPUT_OUTPUT-DIR), every working-tree file touched to another time,
        // another time zone and umask, and the action as a separate process.
        var clone = Path.Combine(_scratch, "clone");
        ToolProcess.Run("git", ["clone", "-q", _history.Path, clone]).EnsureSuccess();
        foreach (var file in Directory.EnumerateFiles(clone, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal)))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2031, 7, 4, 3, 2, 1, DateTimeKind.Utc));
        }

        var output = Path.Combine(_scratch, "out");
        var dll = ActionBuildOutput.Dll;
        var result = ToolProcess.Run(
            "sh",
            ["-c", "umask 077; exec dotnet \"$0\" \"$@\"", dll, "--version", "v2.0.0", "--steps", "archive", "--output-dir", output, "--repository-path", clone],
            clone,
            new Dictionary<string, string?> { ["TZ"] = "Pacific/Kiritimati", ["LANG"] = "de_DE.UTF-8" });
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);

        Assert.Equal(firstBytes, File.ReadAllBytes(Path.Combine(output, ArchiveName)));
    }

    [Fact]
    public async Task The_gzip_header_has_no_name_no_time_and_a_fixed_os_byte()
    {
        using var run = await ActionRun.StartAsync(_history.Path, Inputs);
        var header = File.ReadAllBytes(run.Outputs["archive-path"])[..10];

        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0 }, header[..8]);
        Assert.Equal(3, header[9]);
    }

    [Fact]
    public async Task Tar_lists_the_expected_layout()
    {
        using var run = await ActionRun.StartAsync(_history.Path, Inputs);
        var listing = ToolProcess.Run("tar", ["-tzvf", run.Outputs["archive-path"]], environment: new Dictionary<string, string?> { ["TZ"] = "UTC" }).EnsureSuccess().Stdout;
        var lines = listing.TrimEnd('\n').Split('\n');
        var names = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[5]).ToList();

        Assert.Equal("tailpaste-2.0.0/", names[0]);
        Assert.All(names, n => Assert.StartsWith("tailpaste-2.0.0/", n, StringComparison.Ordinal));
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
        Assert.DoesNotContain(names, n => n.Contains("ci-only", StringComparison.Ordinal) || n.EndsWith(".log", StringComparison.Ordinal));

        var commitTime = _history.Repository.Git("log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d %H:%M", "v2.0.0").Trim();
        Assert.All(lines, l => Assert.Contains($" 0/0 ", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains(commitTime, l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("-rwxr-xr-x 0/0", StringComparison.Ordinal) && l.EndsWith("tailpaste-2.0.0/scripts/run.sh", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("-rw-r--r-- 0/0", StringComparison.Ordinal) && l.EndsWith("tailpaste-2.0.0/README.md", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("drwxr-xr-x 0/0", StringComparison.Ordinal) && l.EndsWith("tailpaste-2.0.0/src/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("lrwxrwxrwx 0/0", StringComparison.Ordinal) && l.EndsWith("tailpaste-2.0.0/link-to-readme -> README.md", StringComparison.Ordinal));

        // Another reader (Python's tarfile, strict about the ustar prefix field) sees the same names and owners.
        var python = ToolProcess.Run("python3", ["-c", "import sys, tarfile\nfor m in tarfile.open(sys.argv[1]): print(m.name + ('/' if m.isdir() else ''), m.uid, m.gid, repr(m.uname), m.mtime)", run.Outputs["archive-path"]]).EnsureSuccess().Stdout;
        var time = _history.Repository.Git("log", "-1", "--format=%ct", "v2.0.0").Trim();
        Assert.Equal(names.Select(n => $"{n} 0 0 '' {time}"), python.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Extracted_contents_equal_git_archive_of_the_same_tag()
    {
        using var run = await ActionRun.StartAsync(_history.Path, Inputs);
        var ours = Directory.CreateDirectory(Path.Combine(_scratch, "ours")).FullName;
        var theirs = Directory.CreateDirectory(Path.Combine(_scratch, "theirs")).FullName;
        var gitTar = Path.Combine(_scratch, "git.tar");

        ToolProcess.Run("tar", ["-xzf", run.Outputs["archive-path"], "-C", ours]).EnsureSuccess();
        ToolProcess.Run("git", ["archive", "--format=tar", "--prefix=tailpaste-2.0.0/", "-o", gitTar, "v2.0.0"], _history.Path).EnsureSuccess();
        ToolProcess.Run("tar", ["-xf", gitTar, "-C", theirs]).EnsureSuccess();

        var expected = TreeSnapshot.Of(theirs);
        Assert.Contains(expected, l => l.StartsWith("file tailpaste-2.0.0/docs/deep/nested/very-long-name-", StringComparison.Ordinal));
        Assert.DoesNotContain(expected, l => l.Contains("ci-only", StringComparison.Ordinal));
        Assert.Equal(expected, TreeSnapshot.Of(ours));
    }

    [Fact]
    public async Task The_archive_is_of_the_tag_not_the_working_tree()
    {
        _history.Repository.Write("src/app.txt", "uncommitted change\n");
        _history.Repository.Write("untracked.txt", "untracked\n");

        using var run = await ActionRun.StartAsync(_history.Path, Inputs);
        var ours = Directory.CreateDirectory(Path.Combine(_scratch, "x")).FullName;
        ToolProcess.Run("tar", ["-xzf", run.Outputs["archive-path"], "-C", ours]).EnsureSuccess();

        Assert.Equal("app v2\n", File.ReadAllText(Path.Combine(ours, "tailpaste-2.0.0/src/app.txt")));
        Assert.False(File.Exists(Path.Combine(ours, "tailpaste-2.0.0/untracked.txt")));
    }

    [Fact]
    public async Task The_built_changelog_can_be_added_at_the_end()
    {
        using var run = await ActionRun.StartAsync(_history.Path, new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "changelog, archive", ["archive-extras"] = "CHANGELOG.md" });
        Assert.Equal(0, run.ExitCode);

        var names = ToolProcess.Run("tar", ["-tzf", run.Outputs["archive-path"]]).EnsureSuccess().Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("tailpaste-2.0.0/CHANGELOG.md", names[^1]);
        Assert.Single(names, n => n == "tailpaste-2.0.0/CHANGELOG.md");
    }

    [Fact]
    public async Task Sha256sum_accepts_the_checksum_files_and_catches_one_flipped_byte()
    {
        using var run = await ActionRun.StartAsync(_history.Path, Inputs);
        var dist = run.OutputDir;
        var sums = File.ReadAllText(run.Outputs["checksums-path"]);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(dist, ArchiveName))));

        Assert.Equal($"{sha}  {ArchiveName}\n", sums);
        Assert.Equal(sums, File.ReadAllText(Path.Combine(dist, ArchiveName + ".sha256")));
        ToolProcess.Run("sha256sum", ["-c", "--strict", "SHA256SUMS"], dist).EnsureSuccess();
        ToolProcess.Run("sha256sum", ["-c", "--strict", ArchiveName + ".sha256"], dist).EnsureSuccess();

        var bytes = File.ReadAllBytes(Path.Combine(dist, ArchiveName));
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(Path.Combine(dist, ArchiveName), bytes);
        var failed = ToolProcess.Run("sha256sum", ["-c", "SHA256SUMS"], dist);
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains($"{ArchiveName}: FAILED", failed.Stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _history.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
