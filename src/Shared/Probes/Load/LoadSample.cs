namespace Tailpaste.Shared.Probes.Load;

/// <summary>One finished load request, as handed to a run's observer (e.g. a <see cref="Slo.SloWindow"/>).</summary>
/// <param name="Path">The path as planned.</param>
/// <param name="Latency">From the request's start (open model: its due time) to its last byte; null when <see cref="LoadOutcome.HasLatency"/> is false.</param>
public readonly record struct LoadSample(string Path, TimeSpan? Latency, LoadOutcome Outcome);
