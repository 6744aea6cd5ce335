using System.Globalization;

namespace Tailpaste.DockerCleanup.Engine;

/// <summary>The engine's answers as the model holds them, the same whether they come from a list or an inspect call.</summary>
internal static class EngineValues
{
    private const string NoTag = "<none>:<none>";

    /// <summary>Docker.DotNet hands out DateTime of varying kinds; the engine means UTC. A missing or zero time means unknown.</summary>
    public static DateTimeOffset? Utc(DateTime? value) => value is not { } time || time == default
        ? null
        : new DateTimeOffset(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));

    /// <summary>A volume's CreatedAt, which the API gives as text; null when missing or unreadable.</summary>
    public static DateTimeOffset? VolumeCreated(string? createdAt) =>
        DateTimeOffset.TryParse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created.ToUniversalTime() : null;

    /// <summary>An image's repo:tags, sorted, without the placeholder the engine lists for an untagged image.</summary>
    public static List<string> Tags(IEnumerable<string>? repoTags) =>
        repoTags?.Where(t => t != NoTag).Order(StringComparer.Ordinal).ToList() ?? [];

    /// <summary>A container state that holds nothing running: anything else (running, paused, restarting) must be stopped first.</summary>
    public static bool IsRunning(string? state) => state is not ("created" or "exited" or "dead");
}
