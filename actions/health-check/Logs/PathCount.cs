namespace Tailpaste.HealthCheck.Logs;

/// <summary>A request path and how many requests named it.</summary>
public sealed record PathCount(string Path, long Count);
