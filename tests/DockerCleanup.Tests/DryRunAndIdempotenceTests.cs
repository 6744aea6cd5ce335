using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>A dry run changes nothing and lists exactly what the real run then removes; a second run removes nothing and succeeds.</summary>
public sealed class DryRunAndIdempotenceTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Dry_run_changes_nothing_and_lists_exactly_what_the_real_run_removes_and_a_second_run_removes_nothing()
    {
        await using var population = new Population(engine.Client);
        var mixed = await MixedPopulation.CreateAsync(population);
        var before = await population.ExistingAsync();

        var dryRun = await ActionRun.StartAsync(engine.DockerHost, mixed.Inputs(("dry-run", "true")));

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Equal(before, await population.ExistingAsync());
        Assert.True(await population.IsRunningAsync(mixed["container-running-selected"].Id), "a dry run must not even stop a container");
        Assert.All(dryRun.AllRows, row => Assert.True(mixed.RoleOf(row.Id) is not null, $"the dry run names {row.Id} ({row.Name}), which this test did not create"));
        var wouldRemove = dryRun.AllRows.Where(r => r.Outcome == "would_remove").Select(r => r.Id).ToHashSet();
        Assert.Equal(MixedPopulation.Removable.Order(StringComparer.Ordinal), wouldRemove.Select(id => mixed.RoleOf(id)!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(dryRun.AllRows, r => r.Outcome == "removed");
        Assert.Contains("dry run", dryRun.Summary, StringComparison.Ordinal);
        Assert.Contains("would remove", dryRun.Summary, StringComparison.Ordinal);

        var real = await ActionRun.StartAsync(engine.DockerHost, mixed.Inputs());

        Assert.True(real.ExitCode == 0, real.ToString());
        var removed = real.AllRows.Where(r => r.Outcome == "removed").Select(r => r.Id).ToHashSet();
        Assert.Equal(wouldRemove, removed);
        Assert.Equal(wouldRemove, before.Except(await population.ExistingAsync()).Select(key => key.Id).ToHashSet());
        foreach (var output in new[] { "removed-containers", "removed-images", "removed-volumes", "removed-networks", "protected" })
        {
            Assert.Equal(dryRun.Outputs[output], real.Outputs[output]);
        }

        var afterFirst = await population.ExistingAsync();
        var second = await ActionRun.StartAsync(engine.DockerHost, mixed.Inputs());

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(afterFirst, await population.ExistingAsync());
        Assert.DoesNotContain(second.AllRows, r => r.IsRemoval && mixed.RoleOf(r.Id) is not null);
        foreach (var output in new[] { "removed-containers", "removed-images", "removed-volumes", "removed-networks" })
        {
            Assert.Equal("0", second.Outputs[output]);
        }

        // What was kept the first time is kept again, for the same reasons.
        var keptFirst = real.AllRows.Where(r => !r.IsRemoval && mixed.RoleOf(r.Id) is not null).Select(r => (r.Id, r.Outcome)).Order().ToList();
        var keptSecond = second.AllRows.Where(r => mixed.RoleOf(r.Id) is not null).Select(r => (r.Id, r.Outcome)).Order().ToList();
        Assert.Equal(keptFirst, keptSecond);
    }
}
