using System.Diagnostics;
using Docker.DotNet;
using Microsoft.Data.Sqlite;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// Runs the chosen checks one after the other. A check that throws for something outside the action's
/// control (engine down, file unreadable, service container gone) fails with that message instead of
/// ending the run, so the report always covers every check.
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
            catch (Exception e) when (IsEnvironmentFailure(e, cancellationToken))
            {
                recorder.Error(Describe(e));
            }

            var result = recorder.ToResult(check.Name, clock.Elapsed);
            results.Add(result);
            onResult?.Invoke(result);
        }

        return results;
    }

    private static bool IsEnvironmentFailure(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        DockerApiException or HttpRequestException or IOException or UnauthorizedAccessException or SqliteException
            or TimeoutException or ServiceContainerMissingException or InvalidDataException or FormatException => true,
        _ => false,
    };

    private static string Describe(Exception e)
    {
        var text = e switch
        {
            OperationCanceledException => "no answer in time (the Docker engine or the service did not respond)",
            HttpRequestException when e.InnerException is { } inner => $"cannot reach the Docker engine: {inner.Message}",
            DockerApiException api => $"Docker API: {api.ResponseBody?.Trim() ?? api.Message}",
            _ => e.Message,
        };
        return text.ReplaceLineEndings(" ");
    }
}
