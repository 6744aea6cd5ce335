using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Selection;
using Tailpaste.Shared.Docker;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>The rules on resources the engine tests cannot make on a shared engine (a running container without labels, an unknown creation time).</summary>
public sealed class CleanupPolicyTests
{
    private static readonly DateTimeOffset _now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static CleanupPolicy Policy(bool pruneDangling = true, TimeSpan? olderThan = null) => new(
        LabelSelector.Parse("environment=testing,managed-by=ci"),
        ProtectedLabels.Parse("keep=true"),
        pruneDangling,
        olderThan,
        _now);

    private static DockerResource Container(bool running, params string[] labels) =>
        new(ResourceKind.Containers, Guid.NewGuid().ToString("N"), "c", labels.Select(Pair), _now.AddDays(-1), 0) { IsRunning = running };

    private static KeyValuePair<string, string> Pair(string pair) => new(pair.Split('=')[0], pair.Split('=')[1]);

    [Fact]
    public void A_running_container_without_labels_is_never_pruned_but_a_stopped_one_is()
    {
        Assert.Null(Policy().Select(Container(running: true)));
        Assert.Equal(SelectedBy.Dangling, Policy().Select(Container(running: false)));
        Assert.Null(Policy(pruneDangling: false).Select(Container(running: false)));
    }

    [Fact]
    public void Selection_needs_every_pair_and_protection_any_pair()
    {
        Assert.Null(Policy().Select(Container(false, "environment=testing")));
        var both = Container(true, "environment=testing", "managed-by=ci", "keep=true");
        Assert.Equal(SelectedBy.Labels, Policy().Select(both));
        Assert.Equal((Outcome.Protected, "carries the protected label keep=true"), Policy().Keep(both));
    }

    [Fact]
    public void With_older_than_a_resource_of_unknown_age_is_kept_as_too_recent()
    {
        var unknownAge = new DockerResource(ResourceKind.Volumes, "v", "v", [Pair("environment=testing"), Pair("managed-by=ci")], created: null, sizeBytes: null);

        Assert.Equal(Outcome.TooRecent, Policy(olderThan: TimeSpan.FromHours(6)).Keep(unknownAge)?.Outcome);
        Assert.Null(Policy().Keep(unknownAge));
    }

    [Fact]
    public void Recheck_leaves_alone_what_stopped_qualifying_since_the_listing()
    {
        // Pruned as a stopped container without labels, then started before its removal.
        Assert.Equal("changed since it was listed: no longer selected", Policy().Recheck(Container(running: true)));
        Assert.Equal("changed since it was listed: carries the protected label Keep=TRUE", Policy().Recheck(Container(false, "environment=testing", "managed-by=ci", "Keep=TRUE")));
        Assert.Null(Policy().Recheck(Container(true, "environment=testing", "managed-by=ci")));
    }
}
