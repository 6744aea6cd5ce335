using Docker.DotNet;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Docker;

/// <summary>Inspections on the real engine where a missing container, image or volume reads as null and anything else still throws.</summary>
[Trait("Category", "Docker")]
public sealed class EngineLookupsTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task A_container_that_exists_is_inspected_and_a_missing_one_is_null()
    {
        var id = await engine.RunContainerAsync(new DockerContainerSpec(DockerEngineSetup.RuntimeDepsImage) { Entrypoint = ["sleep", "300"], NetworkMode = "none" });

        var found = await engine.Client.Containers.InspectOrNullAsync(id, CancellationToken.None);
        var missing = await engine.Client.Containers.InspectOrNullAsync(engine.UniqueName("tailpaste-absent"), CancellationToken.None);

        Assert.Equal(id, found?.ID);
        Assert.Null(missing);
    }

    [Fact]
    public async Task An_image_that_exists_is_inspected_and_a_missing_one_is_null()
    {
        var found = await engine.Client.Images.InspectOrNullAsync(DockerEngineSetup.RuntimeDepsImage, CancellationToken.None);
        var missing = await engine.Client.Images.InspectOrNullAsync($"tailpaste-test/{engine.UniqueName("absent")}:none", CancellationToken.None);

        Assert.NotNull(found?.ID);
        Assert.Null(missing);
    }

    [Fact]
    public async Task A_volume_that_exists_is_inspected_and_a_missing_one_is_null()
    {
        var name = await engine.CreateVolumeAsync("tailpaste-lookups");

        var found = await engine.Client.Volumes.InspectOrNullAsync(name, CancellationToken.None);
        var missing = await engine.Client.Volumes.InspectOrNullAsync(engine.UniqueName("tailpaste-absent"), CancellationToken.None);

        Assert.Equal(name, found?.Name);
        Assert.Null(missing);
    }

    [Fact]
    public async Task An_engine_error_other_than_not_found_still_throws()
    {
        // An invalid reference is the engine's 400, not 404: a bad request must never read as "not there".
        var error = await Assert.ThrowsAnyAsync<DockerApiException>(() => engine.Client.Images.InspectOrNullAsync("Not A Valid Reference!", CancellationToken.None));

        Assert.NotEqual(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }
}
