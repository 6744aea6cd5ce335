namespace Tailpaste.Shared.Actions;

/// <summary>A rendered step summary and whether it had to be cut to fit GitHub's limit.</summary>
public sealed record SummaryText(string Markdown, bool Truncated, int FullLengthBytes);
