using System.Globalization;
using System.Text.Json.Nodes;
using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>Runs of the probe checks against the sample service started as a process, and what they left behind.</summary>
public static class ProbeRuns
{
    /// <summary>
    /// Inputs that point the action at <paramref name="service"/> with the given checks; no Docker check among them.
    /// The timeout is generous and the latency thresholds far above any healthy answer, so a busy test machine
    /// cannot turn a slow answer into a finding: the tests judge behaviour, not speed.
    /// </summary>
    public static Dictionary<string, string> InputsFor(PasteServiceProcess service, string checks) => new()
    {
        ["service-url"] = service.BaseUrl.ToString().TrimEnd('/'),
        ["checks"] = checks,
        ["response-timeout"] = "20",
        ["slo"] = "p(95)<10000, rate<0.01",
        ["health-slo"] = "p(95)<10000",
        ["requests"] = "100",
        ["concurrency"] = "4",
    };

    /// <summary>The access lines of requests the test fixture did not send (its health polls at start-up).</summary>
    public static IReadOnlyList<PasteServiceAccessLogLine> ProbeTraffic(PasteServiceProcess service) =>
        [.. service.AccessLog().Where(line => line.UserAgent != PasteServiceProcess.FixtureUserAgent)];

    public static JsonNode Metric(this ActionRun run, string check, string name) =>
        run.Report?["metrics"]?[check]?[name] ?? throw new InvalidOperationException($"no metrics.{check}.{name} in the report\n{run}");

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
