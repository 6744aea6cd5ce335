namespace Tailpaste.HealthCheck.Checks;

/// <summary>The service check's settings: how many GETs of the service URL, and the average time they must stay under.</summary>
public sealed record ServiceCheckOptions(int Attempts, double MaxResponseTimeMs);
