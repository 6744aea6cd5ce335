using System.Globalization;

namespace Tailpaste.Shared.Docker;

/// <summary>Who holds a <see cref="ServiceLock"/>, as its labels carry it: what for, which workflow run, who, since when.</summary>
/// <param name="Purpose">What the holder does (backup, restore, prune, deploy...).</param>
/// <param name="Workflow">The workflow's name (GITHUB_WORKFLOW), or <c>cli</c> outside a run.</param>
/// <param name="RunId">The run's id (GITHUB_RUN_ID), or the process outside a run.</param>
/// <param name="Actor">Who started it (GITHUB_ACTOR, or the user outside a run).</param>
/// <param name="Since">When the lock was taken (UTC).</param>
public sealed record LockHolder(string Purpose, string Workflow, string RunId, string Actor, DateTimeOffset Since)
{
    internal const string Prefix = "tailpaste.lock.";

    /// <summary>One line for a person: <c>restore by workflow 'Deploy' run 42 (actor alice) since 2026-01-02T03:04:05Z</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Purpose} by workflow '{Workflow}' run {RunId} (actor {Actor}) since {Since.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");

    internal Dictionary<string, string> ToLabels(string service) => new(StringComparer.Ordinal)
    {
        [Prefix + "service"] = service,
        [Prefix + "purpose"] = Purpose,
        [Prefix + "workflow"] = Workflow,
        [Prefix + "run-id"] = RunId,
        [Prefix + "actor"] = Actor,
        [Prefix + "since"] = Since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>The holder a lock container's labels name; its creation time stands in for a missing or garbled time.</summary>
    internal static LockHolder FromLabels(IDictionary<string, string>? labels, DateTimeOffset created)
    {
        string Get(string key) => labels is not null && labels.TryGetValue(Prefix + key, out var value) && value.Length > 0 ? value : "unknown";
        var since = DateTimeOffset.TryParse(Get("since"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : created;
        return new LockHolder(Get("purpose"), Get("workflow"), Get("run-id"), Get("actor"), since);
    }
}
