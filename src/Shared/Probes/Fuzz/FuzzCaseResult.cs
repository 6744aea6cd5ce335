namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>What one case sent and got back (no body: findings quote what matters).</summary>
public sealed record FuzzCaseResult(string Case, FuzzCategory Category, int BytesSent, RawExchangeOutcome Outcome, int? Status, double ElapsedMs);
