using System.Formats.Tar;
using Docker.DotNet.Models;
using Tailpaste.TestKit;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>The optional image step against the real private engine. Every image here is imported by the test, labelled and removed.</summary>
[Trait("Category", "Docker")]
public sealed class ImageTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>, IDisposable
{
    private readonly SampleHistory _history = SampleHistory.Create();

    [Fact]
    public async Task Tags_the_built_image_with_the_version_and_production()
    {
        var (source, id) = await ImportImageAsync();
        var repository = engine.UniqueName("tailpaste-app-test");

        using var run = await ActionRun.StartAsync(_history.Path, Inputs("2.0.0", source, repository, production: true));

        Assert.True(run.ExitCode == 0, run.Stdout);
        var tags = (await engine.Client.Images.InspectImageAsync(id)).RepoTags ?? [];
        Assert.Contains($"{repository}:2.0.0", tags);
        Assert.Contains($"{repository}:production", tags);
        Assert.Equal($"{repository}:2.0.0,{repository}:production", run.Outputs["image-tags"]);
    }

    [Fact]
    public async Task A_pre_release_is_never_tagged_production_and_build_metadata_becomes_an_underscore()
    {
        _history.Repository.Commit("feat: candidate");
        _history.Repository.Tag("v2.1.0-rc.1+build.7");
        var (source, id) = await ImportImageAsync();
        var repository = engine.UniqueName("tailpaste-app-test");

        using var run = await ActionRun.StartAsync(_history.Path, Inputs("2.1.0-rc.1+build.7", source, repository, production: true));

        Assert.True(run.ExitCode == 0, run.Stdout);
        Assert.Equal([$"{repository}:2.1.0-rc.1_build.7"], (await engine.Client.Images.InspectImageAsync(id)).RepoTags!.Where(t => t.StartsWith(repository, StringComparison.Ordinal)));
        Assert.Contains("::warning", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_image_is_bad_input_before_any_file_is_written()
    {
        var missing = engine.UniqueName("tailpaste-missing") + ":build";

        using var run = await ActionRun.StartAsync(_history.Path, Inputs("2.0.0", missing, engine.UniqueName("tailpaste-app-test"), production: false));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Input 'image'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(missing, run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.OutputDir));
    }

    [Fact]
    public async Task Dry_run_tags_nothing()
    {
        var (source, id) = await ImportImageAsync();
        var repository = engine.UniqueName("tailpaste-app-test");
        var inputs = Inputs("2.0.0", source, repository, production: false);
        inputs["dry-run"] = "true";

        using var run = await ActionRun.StartAsync(_history.Path, inputs);

        Assert.True(run.ExitCode == 0, run.Stdout);
        Assert.Contains($"would tag {source} as {repository}:2.0.0", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain((await engine.Client.Images.InspectImageAsync(id)).RepoTags ?? [], t => t.StartsWith(repository, StringComparison.Ordinal));
        Assert.Equal(string.Empty, run.Outputs["image-tags"]);
    }

    public void Dispose() => _history.Dispose();

    private Dictionary<string, string> Inputs(string version, string image, string repository, bool production) => new()
    {
        ["version"] = version,
        ["steps"] = "validate, archive",
        ["image"] = image,
        ["image-name"] = repository,
        ["image-production"] = production ? "true" : "false",
        ["docker-host"] = engine.DockerHost,
    };

    /// <summary>Imports a one-file image carrying the fixture's label (so the fixture removes it); returns its reference and ID.</summary>
    private async Task<(string Reference, string Id)> ImportImageAsync()
    {
        var name = engine.UniqueName("tailpaste-build-test");
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "hello.txt") { DataStream = new MemoryStream("hello\n"u8.ToArray()) };
            await writer.WriteEntryAsync(entry);
        }

        tar.Position = 0;
        var parameters = new ImagesCreateParameters { FromSrc = "-", Repo = name, Tag = "build", Changes = [$"LABEL {DockerEngineFixture.TestRunLabel}={engine.TestRunId}"] };
        await engine.Client.Images.CreateImageAsync(parameters, tar, null, new Progress<JSONMessage>());
        var reference = $"{name}:build";
        return (reference, (await engine.Client.Images.InspectImageAsync(reference)).ID);
    }
}
