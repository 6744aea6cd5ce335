using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>older-than keeps what is younger, says so with the age, and removes what is older (images carry a creation time of our choosing).</summary>
public sealed class OlderThanTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Only_resources_created_before_the_age_are_removed_and_the_younger_ones_are_reported_as_too_recent()
    {
        await using var population = new Population(engine.Client);
        var labels = population.Labels("environment=testing", "managed-by=ci");
        var old = await population.LoadImageAsync("image-three-days-old", labels, created: DateTimeOffset.UtcNow.AddDays(-3));
        var yesterday = await population.LoadImageAsync("image-one-day-old", labels, created: DateTimeOffset.UtcNow.AddDays(-1));
        var volume = await population.CreateVolumeAsync("volume-new", labels);
        var plain = await population.LoadImageAsync("image-plain", new Dictionary<string, string>(), created: DateTimeOffset.UtcNow.AddDays(-10));
        var container = await population.CreateContainerAsync("container-new", plain, labels);
        var before = await population.ExistingAsync();

        var run = await ActionRun.StartAsync(engine.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "false",
            ["older-than"] = "2d",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(new[] { (ResourceKind.Images, old) }, before.Except(await population.ExistingAsync()));
        Assert.Equal("removed", Assert.Single(run.AllRows, r => r.Id == old).Outcome);
        foreach (var id in new[] { yesterday, volume, container })
        {
            var row = Assert.Single(run.AllRows, r => r.Id == id);
            Assert.Equal("too_recent", row.Outcome);
            Assert.Contains("not older than 2d", row.Reason, StringComparison.Ordinal);
        }

        Assert.Contains("created 1d ago", Assert.Single(run.AllRows, r => r.Id == yesterday).Reason, StringComparison.Ordinal);
        Assert.Equal("1", run.Outputs["removed-images"]);
        Assert.Equal("0", run.Outputs["removed-containers"]);
        Assert.Contains("kept: too recent", run.Summary, StringComparison.Ordinal);
    }
}
