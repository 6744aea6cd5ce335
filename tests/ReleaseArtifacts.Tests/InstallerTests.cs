using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>The generated install.sh, run for real with sh into temp prefixes.</summary>
public sealed class InstallerTests : IDisposable
{
    private const string ArchiveName = "tailpaste-2.0.0.tar.gz";
    private readonly SampleHistory _history = SampleHistory.Create();
    private readonly string _scratch = Directory.CreateTempSubdirectory("release-artifacts-install-").FullName;

    private string Prefix => Path.Combine(_scratch, "prefix");

    [Fact]
    public async Task Shellcheck_reports_nothing()
    {
        using var run = await BuildAsync();

        var result = ProcessRunner.Run("shellcheck", ["--shell=sh", "--severity=style", run.Outputs["installer-path"]]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Installs_a_good_archive_next_to_it_and_keeps_the_previous_install_for_rollback()
    {
        using var run = await BuildAsync();
        Directory.CreateDirectory(Path.Combine(Prefix, "current"));
        File.WriteAllText(Path.Combine(Prefix, "current", "old.txt"), "the install before\n");

        var installed = Install(run.Outputs["installer-path"], "--prefix", Prefix);

        Assert.True(installed.ExitCode == 0, installed.Stderr);
        var expected = Directory.CreateDirectory(Path.Combine(_scratch, "expected")).FullName;
        ProcessRunner.MustRun("tar", ["-xzf", run.Outputs["archive-path"], "-C", expected]);
        Assert.Equal(
            TreeSnapshot.Of(Path.Combine(expected, "tailpaste-2.0.0")).Append("file .tailpaste-version - " + Sha256Hex("2.0.0\n")).Order(StringComparer.Ordinal),
            TreeSnapshot.Of(Path.Combine(Prefix, "current")));
        Assert.Equal("the install before\n", File.ReadAllText(Path.Combine(Prefix, "previous", "old.txt")));
        Assert.Empty(Directory.GetDirectories(Prefix, ".staging.*"));

        var rolledBack = Install(run.Outputs["installer-path"], "--rollback", "--prefix", Prefix);
        Assert.True(rolledBack.ExitCode == 0, rolledBack.Stderr);
        Assert.Equal("the install before\n", File.ReadAllText(Path.Combine(Prefix, "current", "old.txt")));
        Assert.Equal("2.0.0\n", File.ReadAllText(Path.Combine(Prefix, "previous", ".tailpaste-version")));
    }

    [Fact]
    public async Task Refuses_a_tampered_archive_and_leaves_the_existing_install_untouched()
    {
        using var run = await BuildAsync();
        Assert.Equal(0, Install(run.Outputs["installer-path"], "--prefix", Prefix).ExitCode);

        File.WriteAllText(Path.Combine(Prefix, "current", "local-config.txt"), "kept\n");
        var before = TreeSnapshot.Of(Prefix);
        var bytes = File.ReadAllBytes(run.Outputs["archive-path"]);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(run.Outputs["archive-path"], bytes);

        var refused = Install(run.Outputs["installer-path"], "--prefix", Prefix);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("checksum mismatch", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was installed or changed", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, TreeSnapshot.Of(Prefix));
    }

    [Fact]
    public async Task Downloads_the_archive_from_the_release_url_when_it_is_not_next_to_it()
    {
        using var server = WireMockServer.Start();
        using var run = await BuildAsync(new Dictionary<string, string> { ["install-url"] = server.Url + "/download/v2.0.0" });
        var archive = File.ReadAllBytes(run.Outputs["archive-path"]);
        server.Given(Request.Create().WithPath("/download/v2.0.0/" + ArchiveName).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/gzip").WithBody(archive));
        var lonely = Path.Combine(Directory.CreateDirectory(Path.Combine(_scratch, "lonely")).FullName, "install.sh");
        File.Copy(run.Outputs["installer-path"], lonely);

        var installed = Install(lonely, "--prefix", Prefix);

        Assert.True(installed.ExitCode == 0, installed.Stderr);
        Assert.Single(server.LogEntries, e => e.RequestMessage?.Path == "/download/v2.0.0/" + ArchiveName);
        Assert.Equal("2.0.0\n", File.ReadAllText(Path.Combine(Prefix, "current", ".tailpaste-version")));
    }

    [Fact]
    public async Task A_tampered_download_is_refused_before_extraction()
    {
        using var server = WireMockServer.Start();
        using var run = await BuildAsync(new Dictionary<string, string> { ["install-url"] = server.Url + "/download/v2.0.0" });
        server.Given(Request.Create().WithPath("/download/v2.0.0/" + ArchiveName).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(File.ReadAllBytes(run.Outputs["archive-path"])[..^1]));
        var lonely = Path.Combine(Directory.CreateDirectory(Path.Combine(_scratch, "lonely")).FullName, "install.sh");
        File.Copy(run.Outputs["installer-path"], lonely);

        var refused = Install(lonely, "--prefix", Prefix);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("checksum mismatch", refused.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Prefix, "current")));
    }

    private async Task<ActionRun> BuildAsync(Dictionary<string, string>? extra = null)
    {
        var inputs = new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "validate, archive, checksums, installer" };
        foreach (var (name, value) in extra ?? [])
        {
            inputs[name] = value;
        }

        var run = await ActionRun.StartAsync(_history.Path, inputs);
        Assert.True(run.ExitCode == 0, run.Stdout);
        return run;
    }

    // Run from another folder, so "the archive in the current folder" never finds it by accident.
    private ProcessRunner.Result Install(string script, params string[] arguments) =>
        ProcessRunner.Run("sh", [script, .. arguments], _scratch, new Dictionary<string, string> { ["TMPDIR"] = _scratch });

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    public void Dispose()
    {
        _history.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
