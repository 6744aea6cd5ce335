namespace Tailpaste.HealthCheck.Tests;

/// <summary>A started sample-service container and where it answers.</summary>
public sealed record RunningService(string ContainerId, Uri Url);
