namespace Tailpaste.Shared.Probes.Smoke;

/// <summary>One step's outcome: what was checked and what was seen (never a token), and how long its requests took.</summary>
public sealed record SmokeStepResult(string Step, SmokeStepStatus Status, string Detail, double ElapsedMs);
