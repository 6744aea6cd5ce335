namespace Tailpaste.Shared.Docker;

/// <summary>Receives one line from a <see cref="BoundedLineSplitter"/>, without its line break; the span is only valid during the call.</summary>
public delegate void LineHandler(ReadOnlySpan<char> line);
