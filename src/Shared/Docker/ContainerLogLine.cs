namespace Tailpaste.Shared.Docker;

/// <summary>One line a container wrote, without its line break.</summary>
/// <param name="Stream">Standard output or standard error (always standard output for a TTY container).</param>
/// <param name="Text">The line's text.</param>
/// <param name="Timestamp">When the engine received it, if timestamps were asked for.</param>
public sealed record ContainerLogLine(ContainerLogStream Stream, string Text, DateTimeOffset? Timestamp);
