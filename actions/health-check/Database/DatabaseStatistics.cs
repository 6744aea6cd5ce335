namespace Tailpaste.HealthCheck.Database;

/// <summary>What the pastes table holds.</summary>
public sealed record DatabaseStatistics(long PasteCount, string? Oldest, string? Newest, long TotalBytes, long PastesLast24Hours);
