namespace Tailpaste.PasteService;

/// <summary>One row of the <c>pastes</c> table.</summary>
public sealed record Paste(string Id, string Content, DateTimeOffset CreatedAt, string SourceHost, string SourceUser);
