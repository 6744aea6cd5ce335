using Tailpaste.DockerCleanup.Model;

namespace Tailpaste.DockerCleanup.Selection;

/// <summary>
/// Turns the resources of one kind into decisions: every candidate gets an outcome, either a reason to
/// keep it (protected, too recent, in use) or <see cref="Outcome.WouldRemove"/>. Resources that are not
/// candidates are left out: the action never mentions, let alone touches, what it was not asked about.
/// </summary>
public static class CleanupPlanner
{
    public static IReadOnlyList<ResourceOutcome> Plan(IEnumerable<DockerResource> resources, CleanupPolicy policy, ContainerUsage? usage)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(policy);
        var plan = new List<ResourceOutcome>();
        foreach (var resource in resources)
        {
            if (policy.Select(resource) is not { } selectedBy)
            {
                continue;
            }

            if (policy.Keep(resource) is { } keep)
            {
                plan.Add(new ResourceOutcome(resource, selectedBy, keep.Outcome, keep.Reason));
            }
            else if (usage?.InUseReason(resource) is { } inUse)
            {
                plan.Add(new ResourceOutcome(resource, selectedBy, Outcome.InUse, inUse));
            }
            else
            {
                plan.Add(new ResourceOutcome(resource, selectedBy, Outcome.WouldRemove, null));
            }
        }

        return plan;
    }
}
