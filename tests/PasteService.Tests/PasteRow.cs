namespace Tailpaste.PasteService.Tests;

/// <summary>One row of the pastes table as stored (created_at as its raw text).</summary>
internal sealed record PasteRow(string Id, string Content, string CreatedAt, string SourceHost, string SourceUser);
