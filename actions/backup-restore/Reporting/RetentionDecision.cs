namespace Tailpaste.BackupRestore.Reporting;

/// <summary>Whether prune keeps a backup, and why.</summary>
public sealed record RetentionDecision(string Id, DateTimeOffset CreatedAt, bool Keep, string Reason);
