namespace Tailpaste.Shared.Docker;

/// <summary>Which part of a container's log to read.</summary>
public sealed record ContainerLogQuery
{
    /// <summary>Only lines logged at or after this time; null for the whole log.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only the last this many lines (per stream, as the engine counts); null for all.</summary>
    public int? Tail { get; init; }

    /// <summary>Ask the engine for each line's time of arrival.</summary>
    public bool Timestamps { get; init; }

    /// <summary>Stop reading after this many lines, so a chatty container cannot exhaust memory.</summary>
    public int MaxLines { get; init; } = 100_000;
}
