using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// environment=production is protected whatever protect-labels says; protect-labels adds "any of" pairs; and
/// protection matches without regard to case or surrounding whitespace. Against the real engine.
/// </summary>
public sealed class ProtectionTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Protect_labels_adds_to_environment_production_and_never_replaces_it()
    {
        await using var population = new Population(engine.Client);
        var image = await population.LoadImageAsync("image-plain", new Dictionary<string, string>());
        var production = await population.CreateContainerAsync("container-production", image, population.Labels("managed-by=ci", "environment=production"));
        var productionVolume = await population.CreateVolumeAsync("volume-production", population.Labels("managed-by=ci", "environment=production"));
        var kept = await population.CreateVolumeAsync("volume-kept", population.Labels("managed-by=ci", "rt-keep=true"));
        var plain = await population.CreateVolumeAsync("volume-plain", population.Labels("managed-by=ci"));

        var run = await ActionRun.StartAsync(engine.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"managed-by=ci,{population.RunLabel}",
            ["protect-labels"] = "rt-keep=true",
            ["prune-dangling"] = "false",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(await population.ExistsAsync(ResourceKind.Containers, production), "the production container is still there");
        Assert.True(await population.ExistsAsync(ResourceKind.Volumes, productionVolume), "the production volume is still there");
        Assert.True(await population.ExistsAsync(ResourceKind.Volumes, kept), "the rt-keep volume is still there");
        Assert.False(await population.ExistsAsync(ResourceKind.Volumes, plain), "the unprotected volume went");
        Assert.Equal("3", run.Outputs["protected"]);
        Assert.Equal("environment=production,rt-keep=true", run.Report!.Value.GetProperty("protect_labels").GetString());
        Assert.Equal("carries the protected label environment=production", Assert.Single(run.Rows(ResourceKind.Containers), r => r.Id == production).Reason);
    }

    [Fact]
    public async Task Several_values_of_one_key_are_accepted_and_any_of_them_protects()
    {
        await using var population = new Population(engine.Client);
        var staging = await population.CreateVolumeAsync("volume-staging", population.Labels("managed-by=ci", "environment=staging"));
        var production = await population.CreateVolumeAsync("volume-production", population.Labels("managed-by=ci", "environment=production"));
        var testing = await population.CreateVolumeAsync("volume-testing", population.Labels("managed-by=ci", "environment=testing"));

        var run = await ActionRun.StartAsync(engine.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"managed-by=ci,{population.RunLabel}",
            ["protect-labels"] = "environment=production,environment=staging",
            ["prune-dangling"] = "false",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(await population.ExistsAsync(ResourceKind.Volumes, staging), "the staging volume is still there");
        Assert.True(await population.ExistsAsync(ResourceKind.Volumes, production), "the production volume is still there");
        Assert.False(await population.ExistsAsync(ResourceKind.Volumes, testing), "the testing volume went");
        Assert.Equal("2", run.Outputs["protected"]);
    }

    [Theory]
    [InlineData("Environment", "production")]
    [InlineData("environment", "Production")]
    [InlineData("ENVIRONMENT", "PRODUCTION")]
    [InlineData("environment", " production ")]
    [InlineData(" environment ", "production")]
    public async Task A_protected_label_written_with_other_case_or_surrounding_spaces_still_protects(string key, string value)
    {
        await using var population = new Population(engine.Client);
        var labels = population.Labels("managed-by=ci");
        labels[key] = value;
        var image = await population.LoadImageAsync("image-plain", new Dictionary<string, string>());
        var container = await population.CreateContainerAsync("container-variant", image, labels);
        var volume = await population.CreateVolumeAsync("volume-variant", labels);
        var keptByInput = await population.CreateVolumeAsync("volume-keep-variant", population.Labels("managed-by=ci", " KEEP = Yes "));

        var run = await ActionRun.StartAsync(engine.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"managed-by=ci,{population.RunLabel}",
            ["protect-labels"] = "keep=yes",
            ["prune-dangling"] = "false",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(await population.ExistsAsync(ResourceKind.Containers, container), $"the container labelled '{key}={value}' is still there\n{run}");
        Assert.True(await population.ExistsAsync(ResourceKind.Volumes, volume), $"the volume labelled '{key}={value}' is still there\n{run}");
        Assert.True(await population.ExistsAsync(ResourceKind.Volumes, keptByInput), $"the volume labelled ' KEEP = Yes ' is still there\n{run}");
        var row = Assert.Single(run.Rows(ResourceKind.Volumes), r => r.Id == volume);
        Assert.Equal(("protected", $"carries the protected label {key}={value}"), (row.Outcome, row.Reason));
    }
}
