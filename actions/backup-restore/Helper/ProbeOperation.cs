using System.Diagnostics;
using System.Globalization;
using Tailpaste.Shared.Http;
using Tailpaste.Shared.Probes.Smoke;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// The drill's probe, run in the scratch service's network namespace (it has no other network): wait until
/// the service answers, count the rows its database holds once it has started, then run the smoke probe.
/// </summary>
public sealed class ProbeOperation : IHelperOperation
{
    public const string OperationName = "probe";

    private static readonly TimeSpan _requestTimeout = TimeSpan.FromSeconds(5);

    public string Name => OperationName;

    public async Task<HelperOutcome> RunAsync(HelperArguments arguments, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var url = new Uri(arguments.Required("url"));
        var database = arguments.Required("database");
        var wait = TimeSpan.FromSeconds(double.Parse(arguments.Required("timeout-seconds"), CultureInfo.InvariantCulture));
        using var http = new HttpProbe();
        var clock = Stopwatch.StartNew();
        HttpProbeResult? last = null;
        while (clock.Elapsed < wait)
        {
            last = await http.SendAsync(HttpProbeRequest.Get(url, _requestTimeout), cancellationToken).ConfigureAwait(false);
            if (last.StatusCode == 200)
            {
                break;
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        if (last?.StatusCode != 200)
        {
            var said = last is null ? "nothing" : last.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? last.Error ?? "no answer";
            return HelperOutcome.Ok(new ProbeResult(false, Math.Round(clock.Elapsed.TotalMilliseconds, 1), null, null, $"{url} did not answer 200 within {wait.TotalSeconds:0} s (last: {said})"));
        }

        var readyMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
        long? rows;
        using (var connection = SqliteConnections.OpenLive(database, readOnly: true))
        {
            rows = DatabaseInspector.Inspect(connection, database, integrityCheck: false).Rows;
        }

        var smoke = await new SmokeProbe(http).RunAsync(new SmokeOptions(url), cancellationToken).ConfigureAwait(false);
        var detail = smoke.Passed
            ? $"answered after {readyMs:0} ms; smoke probe passed ({smoke.Steps.Count} steps)"
            : "smoke probe failed: " + string.Join("; ", smoke.Steps.Where(s => s.Status == SmokeStepStatus.Failed).Select(s => $"{s.Step}: {s.Detail}"));
        return HelperOutcome.Ok(new ProbeResult(smoke.Passed, readyMs, rows, smoke.FailedSteps, detail));
    }
}

/// <param name="Passed">The service answered and the smoke probe passed.</param>
/// <param name="ReadyMs">How long the service took to answer 200.</param>
/// <param name="Rows">Rows in the pastes table once it answered (before the smoke probe added its own).</param>
public sealed record ProbeResult(bool Passed, double ReadyMs, long? Rows, IReadOnlyList<string>? FailedSteps, string Detail);
