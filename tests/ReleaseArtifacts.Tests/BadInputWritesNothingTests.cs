namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>Every input and precondition is checked before the first write: bad input exits 2 with nothing written.</summary>
public sealed class BadInputWritesNothingTests : IDisposable
{
    private readonly SampleHistory _history = SampleHistory.Create();
    private readonly string _scratch = Directory.CreateTempSubdirectory("release-artifacts-bad-input-").FullName;

    private string Dist => Path.Combine(_scratch, "dist");

    [Fact]
    public async Task The_installer_without_an_archive_is_bad_input_before_the_changelog_is_written()
    {
        using var run = await ActionRun.StartAsync(_history.Path, new Dictionary<string, string> { ["version"] = "2.0.0", ["steps"] = "validate, changelog, installer" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'steps'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("tailpaste-2.0.0.tar.gz already in output-dir", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.OutputDir), "output-dir was created");
        Assert.Equal(string.Empty, File.ReadAllText(run.OutputFile));
    }

    [Fact]
    public async Task An_output_file_that_is_a_folder_is_bad_input_before_the_archive_is_built()
    {
        Directory.CreateDirectory(Path.Combine(Dist, "SHA256SUMS"));

        using var run = await StartWithDistAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'output-dir'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("SHA256SUMS can be written, but it is a folder", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(["SHA256SUMS"], Directory.EnumerateFileSystemEntries(Dist).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_report_path_that_is_a_folder_is_bad_input_before_anything_is_written()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch, "report")).FullName;

        using var run = await StartWithDistAsync(new Dictionary<string, string> { ["report-path"] = folder });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'report-path'", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dist), "output-dir was created");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task An_output_dir_that_is_a_file_is_bad_input()
    {
        File.WriteAllText(Dist, "a file, not a folder\n");

        using var run = await StartWithDistAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'output-dir'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("is a regular file", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("a file, not a folder\n", File.ReadAllText(Dist));
    }

    [Theory]
    [InlineData("output-dir")]
    [InlineData("report-path")]
    public async Task A_path_too_long_to_create_is_bad_input_before_anything_is_written(string input)
    {
        var tooLong = Path.Combine(_scratch, new string('a', 300), "out");

        using var run = await StartWithDistAsync(new Dictionary<string, string> { [input] = tooLong });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Input '{input}'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("a name in the path has 300 bytes and the system takes at most 255", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_scratch));
    }

    /// <summary>Runs every step but publish into <see cref="Dist"/>.</summary>
    private Task<ActionRun> StartWithDistAsync(Dictionary<string, string>? extra = null)
    {
        var inputs = new Dictionary<string, string> { ["version"] = "2.0.0", ["output-dir"] = Dist };
        foreach (var (name, value) in extra ?? [])
        {
            inputs[name] = value;
        }

        return ActionRun.StartAsync(_history.Path, inputs);
    }

    public void Dispose()
    {
        _history.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
