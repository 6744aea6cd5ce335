using System.Globalization;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.Shared.Docker;

namespace Tailpaste.DockerCleanup.Selection;

/// <summary>
/// The rules that decide, for one resource on its own, whether it is a candidate and whether it may go:
/// selected by labels (or dangling, when pruning), never when it carries a protected label, and only when
/// old enough. Whether something else still uses it is <see cref="ContainerUsage"/>'s part.
/// </summary>
public sealed class CleanupPolicy
{
    public CleanupPolicy(LabelSelector selector, ProtectedLabels protect, bool pruneDangling, TimeSpan? olderThan, DateTimeOffset now)
    {
        Selector = selector ?? throw new ArgumentNullException(nameof(selector));
        Protect = protect ?? throw new ArgumentNullException(nameof(protect));
        PruneDangling = pruneDangling;
        OlderThan = olderThan;
        Now = now;
    }

    public LabelSelector Selector { get; }

    public ProtectedLabels Protect { get; }

    public bool PruneDangling { get; }

    public TimeSpan? OlderThan { get; }

    public DateTimeOffset Now { get; }

    /// <summary>Why the resource is a candidate, or null when the action leaves it alone without a word.</summary>
    public SelectedBy? Select(DockerResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.CarriesAll(Selector))
        {
            return SelectedBy.Labels;
        }

        if (!PruneDangling)
        {
            return null;
        }

        return resource.Kind switch
        {
            ResourceKind.Images when resource.IsDangling => SelectedBy.Dangling,
            ResourceKind.Containers when !resource.IsRunning && resource.Labels.Count == 0 => SelectedBy.Dangling,
            _ => null,
        };
    }

    /// <summary>For a candidate: the outcome that keeps it (protected, too recent) and why, or null when it may go.</summary>
    public (Outcome Outcome, string Reason)? Keep(DockerResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (Protect.FirstCarriedBy(resource.Labels) is { } label)
        {
            return (Outcome.Protected, $"carries the protected label {label}");
        }

        if (OlderThan is { } minimumAge)
        {
            if (resource.Created is not { } created)
            {
                return (Outcome.TooRecent, "the engine does not say when it was created, so it cannot be proven older than " + Format(minimumAge));
            }

            var age = Now - created;
            if (age < minimumAge)
            {
                return (Outcome.TooRecent, $"created {Format(age)} ago, not older than {Format(minimumAge)}");
            }
        }

        return null;
    }

    /// <summary>
    /// Judges a resource again as it is now (re-read just before its removal): why it must be left alone after
    /// all, or null when it may still go. What changed since the listing is judged as it is, not as it was:
    /// a volume recreated under the same name with a protected label is protected.
    /// </summary>
    public string? Recheck(DockerResource now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (Select(now) is null)
        {
            return "changed since it was listed: no longer selected";
        }

        return Keep(now) is { } keep ? "changed since it was listed: " + keep.Reason : null;
    }

    internal static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            return "0s";
        }

        return span switch
        {
            { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#}d"),
            { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#}h"),
            { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#}s"),
        };
    }
}
