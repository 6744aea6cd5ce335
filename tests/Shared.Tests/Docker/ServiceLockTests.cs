using Docker.DotNet;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Docker;

/// <summary>The per-service lock kept by the engine: one holder at a time, named when it is held, stale locks broken.</summary>
[Trait("Category", "Docker")]
public sealed class ServiceLockTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private static readonly TimeSpan _staleAfter = TimeSpan.FromHours(1);

    [Fact]
    public async Task ASecondRun_IsRefused_NamingTheHolder_UntilTheFirstReleases()
    {
        var service = engine.UniqueName("lock-service");
        var first = Holder("restore", "Rollback", "42", "alice", DateTimeOffset.UtcNow);

        ServiceLockHeldException refused;
        await using (var held = await AcquireAsync(service, first))
        {
            refused = await Assert.ThrowsAsync<ServiceLockHeldException>(() => AcquireAsync(service, Holder("backup", "Nightly", "43", "bob", DateTimeOffset.UtcNow)));
            Assert.Equal(first.RunId, (await ServiceLock.FindHolderAsync(engine.Client, service, CancellationToken.None))?.RunId);
        }

        await using var after = await AcquireAsync(service, Holder("backup", "Nightly", "44", "bob", DateTimeOffset.UtcNow));
        Assert.Contains(service, refused.Message, StringComparison.Ordinal);
        Assert.Contains("restore by workflow 'Rollback' run 42 (actor alice)", refused.Message, StringComparison.Ordinal);
        Assert.Equal("alice", refused.Holder?.Actor);
        Assert.Null(after.BrokenStaleLock);
    }

    [Fact]
    public async Task ConcurrentRuns_ExactlyOneHoldsTheLock()
    {
        var service = engine.UniqueName("lock-race");
        var attempts = Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return await AcquireAsync(service, Holder("backup", "Race", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "ci", DateTimeOffset.UtcNow));
            }
            catch (ServiceLockHeldException)
            {
                return null;
            }
        }).ToList();

        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r is not null).ToList();
        Assert.Single(winners);
        await winners[0]!.DisposeAsync();
    }

    [Fact]
    public async Task AStaleLock_IsBroken_AndItsOldHolderCannotReleaseTheNewOne()
    {
        var service = engine.UniqueName("lock-stale");
        var dead = await AcquireAsync(service, Holder("restore", "Rollback", "7", "carol", DateTimeOffset.UtcNow - TimeSpan.FromHours(3)));

        await using var fresh = await AcquireAsync(service, Holder("backup", "Nightly", "8", "dave", DateTimeOffset.UtcNow));
        await dead.DisposeAsync();

        Assert.Equal("7", fresh.BrokenStaleLock?.RunId);
        Assert.Equal("8", (await ServiceLock.FindHolderAsync(engine.Client, service, CancellationToken.None))?.RunId);
    }

    [Fact]
    public async Task ReleasedLock_LeavesNoContainer()
    {
        var service = engine.UniqueName("lock-release");
        await using (await AcquireAsync(service, Holder("prune", "Prune", "1", "erin", DateTimeOffset.UtcNow)))
        {
        }

        Assert.Null(await ServiceLock.FindHolderAsync(engine.Client, service, CancellationToken.None));
        await Assert.ThrowsAsync<DockerContainerNotFoundException>(() => engine.Client.Containers.InspectContainerAsync(ServiceLock.ContainerName(service)));
    }

    private static LockHolder Holder(string purpose, string workflow, string run, string actor, DateTimeOffset since) => new(purpose, workflow, run, actor, since);

    private Task<ServiceLock> AcquireAsync(string service, LockHolder holder) =>
        ServiceLock.AcquireAsync(engine.Client, service, holder, DockerEngineSetup.RuntimeDepsImage, "helper-image", _staleAfter, engine.Labels, CancellationToken.None);
}
