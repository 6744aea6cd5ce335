using System.Diagnostics;
using Docker.DotNet;
using Microsoft.Data.Sqlite;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// Runs the chosen checks one after the other. A check that throws — for something outside the action's
/// control (engine down, file unreadable, service container gone) or for anything else, an answer it did not
/// expect or a fault of its own — fails with that reason instead of ending the run, so the report always
/// covers every check. Only the caller's cancellation ends the run.
/// </summary>
public static class CheckRunner
{
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(
        IEnumerable<IHealthCheck> checks, CheckContext context, Action<CheckResult>? onResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var results = new List<CheckResult>();
        foreach (var check in checks)
        {
            var recorder = new CheckRecorder();
            var clock = Stopwatch.StartNew();
            try
            {
                await check.RunAsync(context, recorder, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A check that cannot run is that check's failure, whatever the reason.
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
#pragma warning restore CA1031
            {
                recorder.Error(Describe(e));
            }

            var result = recorder.ToResult(check.Name, clock.Elapsed);
            results.Add(result);
            onResult?.Invoke(result);
        }

        return results;
    }

    private static string Describe(Exception e)
    {
        var text = e switch
        {
            OperationCanceledException => "no answer in time (the Docker engine or the service did not respond)",
            HttpRequestException when e.InnerException is { } inner => $"cannot reach the Docker engine: {inner.Message}",
            DockerApiException api => $"Docker API: {api.ResponseBody?.Trim() ?? api.Message}",
            IOException or UnauthorizedAccessException or SqliteException or TimeoutException or ServiceContainerMissingException
                or InvalidDataException or FormatException => e.Message,
            _ => $"the check could not run ({e.GetType().Name}: {e.Message})",
        };
        return text.ReplaceLineEndings(" ");
    }
}
