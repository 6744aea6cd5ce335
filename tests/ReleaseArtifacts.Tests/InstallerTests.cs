using System.Security.Cryptography;
using Tailpaste.ReleaseArtifacts.Installer;
using Tailpaste.TestKit.Processes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// The generated install.sh, run for real with sh into temp prefixes, with GNU tar and with busybox tar
/// (a PATH shim puts busybox's tar first): it must be as safe with either.
/// </summary>
public sealed class InstallerTests : IDisposable
{
    private const string ArchiveName = "tailpaste-2.0.0.tar.gz";
    private readonly SampleHistory _history = SampleHistory.Create();
    private readonly string _scratch = Directory.CreateTempSubdirectory("release-artifacts-install-").FullName;

    public InstallerTests()
    {
        // install.sh installs regular files and folders only: this release leaves the sample's link out.
        File.Delete(Path.Combine(_history.Path, "link-to-readme"));
        _history.Repository.Commit("chore: drop the link");
        _history.Repository.Git("tag", "-f", "v2.0.0");
    }

    public static TheoryData<string> Tars => new() { "gnu", "busybox" };

    public static TheoryData<string, string> HostileCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in CraftedArchive.HostileKinds)
        {
            data.Add(kind, "gnu");
            data.Add(kind, "busybox");
        }

        return data;
    }

    private string Prefix => Path.Combine(_scratch, "prefix");

    [Fact]
    public async Task Shellcheck_reports_nothing()
    {
        using var run = await BuildAsync();

        var result = ToolProcess.Run("shellcheck", ["--shell=sh", "--severity=style", run.Outputs["installer-path"]]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Tars))]
    public async Task Installs_a_good_archive_next_to_it_and_keeps_the_previous_install_for_rollback(string tar)
    {
        using var run = await BuildAsync();
        Directory.CreateDirectory(Path.Combine(Prefix, "current"));
        File.WriteAllText(Path.Combine(Prefix, "current", "old.txt"), "the install before\n");

        var installed = Install(run.Outputs["installer-path"], tar, "--prefix", Prefix);

        Assert.True(installed.ExitCode == 0, installed.Stderr);
        var expected = Directory.CreateDirectory(Path.Combine(_scratch, "expected")).FullName;
        ToolProcess.Run("tar", ["-xzf", run.Outputs["archive-path"], "-C", expected]).EnsureSuccess();
        Assert.Equal(
            TreeSnapshot.Of(Path.Combine(expected, "tailpaste-2.0.0")).Append("file .tailpaste-version - " + Sha256Hex("2.0.0\n")).Order(StringComparer.Ordinal),
            TreeSnapshot.Of(Path.Combine(Prefix, "current")));
        Assert.Equal("the install before\n", File.ReadAllText(Path.Combine(Prefix, "previous", "old.txt")));
        Assert.Empty(Directory.GetDirectories(Prefix, ".staging.*"));

        var rolledBack = Install(run.Outputs["installer-path"], tar, "--rollback", "--prefix", Prefix);
        Assert.True(rolledBack.ExitCode == 0, rolledBack.Stderr);
        Assert.Equal("the install before\n", File.ReadAllText(Path.Combine(Prefix, "current", "old.txt")));
        Assert.Equal("2.0.0\n", File.ReadAllText(Path.Combine(Prefix, "previous", ".tailpaste-version")));
    }

    [Theory]
    [MemberData(nameof(Tars))]
    public async Task Refuses_a_tampered_archive_and_leaves_the_existing_install_untouched(string tar)
    {
        using var run = await BuildAsync();
        Assert.Equal(0, Install(run.Outputs["installer-path"], tar, "--prefix", Prefix).ExitCode);

        File.WriteAllText(Path.Combine(Prefix, "current", "local-config.txt"), "kept\n");
        var before = TreeSnapshot.Of(Prefix);
        var bytes = File.ReadAllBytes(run.Outputs["archive-path"]);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(run.Outputs["archive-path"], bytes);

        var refused = Install(run.Outputs["installer-path"], tar, "--prefix", Prefix);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("checksum mismatch", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was installed or changed", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, TreeSnapshot.Of(Prefix));
    }

    [Theory]
    [MemberData(nameof(Tars))]
    public async Task An_archive_swapped_after_the_check_is_never_installed(string tar)
    {
        using var run = await BuildAsync();
        var evil = Path.Combine(_scratch, "evil.tar.gz");
        CraftedArchive.WriteGood(evil, "2.0.0", extraFile: "EVIL");

        // A sha256sum that hashes what it is given, then swaps the archive next to install.sh: the moment
        // between "verified" and "extracted", made deterministic.
        var shim = Directory.CreateDirectory(Path.Combine(_scratch, "swap-bin")).FullName;
        var realSha256sum = ToolProcess.Run("sh", ["-c", "command -v sha256sum"]).EnsureSuccess().Stdout.Trim();
        File.WriteAllText(Path.Combine(shim, "sha256sum"), $"#!/bin/sh\n'{realSha256sum}' \"$@\"\ncp '{evil}' '{run.Outputs["archive-path"]}'\n");
        File.SetUnixFileMode(Path.Combine(shim, "sha256sum"), (UnixFileMode)0b111_101_101);

        var installed = Install(run.Outputs["installer-path"], tar, ["--prefix", Prefix], shim);

        Assert.True(installed.ExitCode == 0, installed.Stderr);
        Assert.Equal(File.ReadAllBytes(evil), File.ReadAllBytes(run.Outputs["archive-path"]));
        Assert.False(File.Exists(Path.Combine(Prefix, "current", "EVIL")), "the swapped-in archive was installed");
        Assert.Equal("app v2\n", File.ReadAllText(Path.Combine(Prefix, "current", "src", "app.txt")));
    }

    [Theory]
    [MemberData(nameof(HostileCases))]
    public void Refuses_an_archive_with_anything_but_files_and_folders_under_its_top_folder_before_extracting(string kind, string tar)
    {
        var release = Directory.CreateDirectory(Path.Combine(_scratch, "release")).FullName;
        var outside = Path.Combine(_scratch, "outside.txt");
        var archive = Path.Combine(release, ArchiveName);
        CraftedArchive.WriteHostile(archive, "2.0.0", kind, outside);
        var script = Path.Combine(release, InstallScript.FileName);
        File.WriteAllText(script, InstallScript.Render("2.0.0", Sha256Hex(File.ReadAllBytes(archive)), null));

        var refused = Install(script, tar, "--prefix", Prefix);

        Assert.True(refused.ExitCode == 1, $"exit {refused.ExitCode}: {refused.Stdout}{refused.Stderr}");
        Assert.Contains($"refusing {ArchiveName}: ", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was installed or changed", refused.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Prefix), "the prefix was created");
        Assert.False(File.Exists(outside), "an entry was written outside");
        Assert.Equal(["release"], Directory.EnumerateFileSystemEntries(_scratch).Select(Path.GetFileName).Where(n => n != "busybox-bin"));
    }

    [Fact]
    public async Task An_archive_in_the_current_folder_is_never_taken_for_the_one_next_to_the_script()
    {
        using var run = await BuildAsync();
        var lonely = Path.Combine(Directory.CreateDirectory(Path.Combine(_scratch, "lonely")).FullName, "install.sh");
        File.Copy(run.Outputs["installer-path"], lonely);
        File.Copy(run.Outputs["archive-path"], Path.Combine(_scratch, ArchiveName));

        var refused = Install(lonely, "gnu", "--prefix", Prefix);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{ArchiveName} is not next to install.sh and no --url was given", refused.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Prefix), "the prefix was created");
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

        var installed = Install(lonely, "gnu", "--prefix", Prefix);

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

        var refused = Install(lonely, "gnu", "--prefix", Prefix);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("checksum mismatch", refused.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Prefix, "current")));
    }

    [Fact]
    public async Task A_release_whose_tree_holds_a_link_warns_that_install_sh_will_refuse_it()
    {
        using var history = SampleHistory.Create();

        using var run = await ActionRun.StartAsync(history.Path, new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "validate, archive, installer" });

        Assert.True(run.ExitCode == 0, run.Stdout);
        Assert.Contains("::warning::tailpaste-2.0.0.tar.gz holds 1 symbolic link(s) (link-to-readme); install.sh refuses an archive with links", run.Stdout, StringComparison.Ordinal);
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

    private ToolResult Install(string script, string tar, params string[] arguments) => Install(script, tar, arguments, null);

    // Run from another folder, so an archive in the current folder is never found by accident; with busybox,
    // a folder whose "tar" is busybox goes first on PATH.
    private ToolResult Install(string script, string tar, string[] arguments, string? extraPath)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        if (tar == "busybox")
        {
            var shim = Path.Combine(_scratch, "busybox-bin");
            if (!Directory.Exists(shim))
            {
                Directory.CreateDirectory(shim);
                File.CreateSymbolicLink(Path.Combine(shim, "tar"), ToolProcess.Run("sh", ["-c", "command -v busybox"]).EnsureSuccess().Stdout.Trim());
            }

            path = shim + ":" + path;
        }

        if (extraPath is not null)
        {
            path = extraPath + ":" + path;
        }

        return ToolProcess.Run("sh", [script, .. arguments], _scratch, new Dictionary<string, string?> { ["TMPDIR"] = _scratch, ["PATH"] = path });
    }

    private static string Sha256Hex(string text) => Sha256Hex(System.Text.Encoding.UTF8.GetBytes(text));

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public void Dispose()
    {
        _history.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
