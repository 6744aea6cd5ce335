using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>The mixed population against the real engine: exactly the selected-and-unprotected resources go.</summary>
public sealed class MixedPopulationTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Removes_exactly_the_selected_unprotected_resources_and_leaves_the_rest_untouched_by_id()
    {
        await using var population = new Population(engine.Client);
        var mixed = await MixedPopulation.CreateAsync(population);
        var baseImage = (await engine.Client.Images.InspectImageAsync(Population.RuntimeDepsImage)).ID;
        var before = await population.ExistingAsync();
        Assert.Equal(mixed.Roles.Count, before.Count);
        var engineBefore = await population.EngineInventoryAsync();
        Assert.Superset(before, engineBefore);

        var run = await ActionRun.StartAsync(engine.DockerHost, mixed.Inputs());

        Assert.True(run.ExitCode == 0, run.ToString());
        var after = await population.ExistingAsync();
        var gone = before.Except(after).Select(key => mixed.RoleOf(key.Id)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(MixedPopulation.Removable.Order(StringComparer.Ordinal), gone);

        // The whole engine, by ID: everything of ours that stays is there; whatever else vanished meanwhile
        // (other test runs share the engine and clean up after themselves) was not this run's doing, as the
        // report mentions nothing outside this population, let alone removes it.
        var engineAfter = await population.EngineInventoryAsync();
        Assert.Subset(engineAfter, after);
        var vanishedElsewhere = engineBefore.Except(engineAfter).Except(before).Select(key => key.Id).ToHashSet();
        Assert.All(run.AllRows, row => Assert.True(mixed.RoleOf(row.Id) is not null, $"the report names {row.Id} ({row.Name}), which this test did not create"));
        Assert.DoesNotContain(run.AllRows, row => vanishedElsewhere.Contains(row.Id));
        Assert.True(await population.IsRunningAsync(mixed["container-running-unselected"].Id), "the unselected running container must still run");
        Assert.True(await population.ExistsAsync(ResourceKind.Images, baseImage), "the shared base image must stay");

        Assert.Equal("2", run.Outputs["removed-containers"]);
        Assert.Equal("2", run.Outputs["removed-images"]);
        Assert.Equal("1", run.Outputs["removed-volumes"]);
        Assert.Equal("1", run.Outputs["removed-networks"]);
        Assert.Equal("4", run.Outputs["protected"]);
        Assert.True(long.Parse(run.Outputs["reclaimed-bytes"], System.Globalization.CultureInfo.InvariantCulture) > 0, run.ToString());
        Assert.True(File.Exists(run.Outputs["report-path"]) || run.Report is not null);
    }

    [Fact]
    public async Task Reports_every_selected_resource_with_its_outcome_and_a_reason_for_each_one_kept()
    {
        await using var population = new Population(engine.Client);
        var mixed = await MixedPopulation.CreateAsync(population);

        var run = await ActionRun.StartAsync(engine.DockerHost, mixed.Inputs());

        Assert.True(run.ExitCode == 0, run.ToString());
        var mine = run.AllRows.Where(r => mixed.RoleOf(r.Id) is not null).ToDictionary(r => mixed.RoleOf(r.Id)!);
        var selectedRoles = MixedPopulation.Removable.Union(MixedPopulation.ProtectedRoles).Union(MixedPopulation.InUseRoles).Order(StringComparer.Ordinal);
        Assert.Equal(selectedRoles, mine.Keys.Order(StringComparer.Ordinal));
        Assert.All(MixedPopulation.Removable, role => Assert.Equal("removed", mine[role].Outcome));
        Assert.All(MixedPopulation.ProtectedRoles, role =>
        {
            Assert.Equal("protected", mine[role].Outcome);
            Assert.Contains("tailpaste.keep=true", mine[role].Reason, StringComparison.Ordinal);
        });
        Assert.All(MixedPopulation.InUseRoles, role =>
        {
            Assert.Equal("in_use", mine[role].Outcome);
            Assert.False(string.IsNullOrWhiteSpace(mine[role].Reason));
        });
        Assert.Contains("running container", mine["image-used-by-running"].Reason, StringComparison.Ordinal);
        Assert.Contains("stopped container", mine["image-used-by-stopped"].Reason, StringComparison.Ordinal);

        // One removal for the image, with both of its tags reported.
        var twoTags = mine["image-selected-two-tags"];
        Assert.Equal(2, twoTags.Tags.Count);
        Assert.All(twoTags.Tags, tag => Assert.Contains(tag, twoTags.Reason, StringComparison.Ordinal));

        // The step summary: a table per kind with name, id, labels, size, outcome.
        foreach (var heading in new[] { "### Containers", "### Networks", "### Images", "### Volumes" })
        {
            Assert.Contains(heading, run.Summary, StringComparison.Ordinal);
        }

        Assert.Contains("| Name | ID | Labels | Size | Outcome |", run.Summary, StringComparison.Ordinal);
        var protectedContainer = population.Created.Single(c => c.Value == "container-protected").Key.Id[..12];
        Assert.Contains(run.Summary.Split('\n'), line => line.Contains(protectedContainer, StringComparison.Ordinal) && line.Contains("protected", StringComparison.Ordinal));
    }
}
