using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Microsoft.Data.Sqlite;
using Tailpaste.HealthCheck.Checks;
using Tailpaste.HealthCheck.History;
using Tailpaste.HealthCheck.Notifications;
using Tailpaste.HealthCheck.Recovery;
using Tailpaste.HealthCheck.Reporting;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.History;
using Tailpaste.Shared.Http;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.HealthCheck;

/// <summary>The health-check action: run the checks, report, remember, recover, notify.</summary>
public static class HealthCheckAction
{
    public static ActionDefinition<HealthCheckOptions> Definition { get; } = new(
        "health-check",
        ActionManifest.FromAssembly(typeof(HealthCheckAction).Assembly),
        HealthCheckBinder.Bind,
        RunAsync);

    /// <summary>Lets tests fake time (the recovery cooldown) and the HTTP client used for webhooks and the GitHub API.</summary>
    internal static TimeProvider Time { get; set; } = TimeProvider.System;

    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    public static async Task<int> RunAsync(HealthCheckOptions options, ActionCore core, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(core);
        foreach (var secret in UrlCredentials.Secrets(options.ServiceUrl))
        {
            core.SetSecret(secret);
        }

        var quiet = options.Json || (options.Silent && !core.IsActions);
        var clock = Stopwatch.StartNew();
        var timestamp = Time.GetUtcNow();
        using var probe = new HttpProbe();
        using var context = new CheckContext(options, probe, Time);

        // The history file in a volume is looked at before any check runs: one that is not a file is bad input.
        await using var volumeFile = await OpenVolumeHistoryAsync(options, context, core, cancellationToken).ConfigureAwait(false);
        await WaitUntilReadyAsync(options, core, probe, cancellationToken).ConfigureAwait(false);
        var checks = options.Checks.Select(CheckCatalog.Create).ToList();
        var results = await CheckRunner.RunAsync(checks, context, result => Announce(core, result, quiet), cancellationToken).ConfigureAwait(false);
        var report = HealthReport.From(results, timestamp, options.ServiceUrlForDisplay, clock.Elapsed);

        if (options.HistoryVolume is null || volumeFile is not null)
        {
            report = await RememberAsync(options, core, report, timestamp, volumeFile, cancellationToken).ConfigureAwait(false);
        }

        var reportPath = await WriteReportAsync(options, core, report, cancellationToken).ConfigureAwait(false);

        if (options.Json)
        {
            core.WriteInfo(JsonReportWriter.Serialize(report, HealthCheckJson.Report, core.Masker).TrimEnd('\n'));
        }

        HealthSummary.Fill(core.Summary, report, checks.OfType<LogsCheck>().FirstOrDefault()?.Statistics);
        var smoke = checks.OfType<SmokeCheck>().FirstOrDefault()?.Result;
        var fuzz = checks.OfType<FuzzCheck>().FirstOrDefault()?.Result;
        var slo = checks.OfType<SloCheck>().FirstOrDefault()?.Outcome;
        ProbeSummary.Fill(core.Summary, smoke, fuzz, slo);
        var plainStdout = options.Json && !core.IsActions;
        if (!plainStdout)
        {
            await core.WriteSummaryAsync(cancellationToken).ConfigureAwait(false);
            await core.SetOutputsAsync(
                new HealthCheckOutputs(
                    HealthHistory.StatusName(report.OverallStatus),
                    string.Join(',', report.FailedChecks),
                    reportPath ?? string.Empty,
                    report.P95Ms,
                    report.ErrorRate,
                    report.History?.ConsecutiveFailures ?? (report.OverallStatus == OverallStatus.Unhealthy ? 1 : 0),
                    report.Recovery?.Dispatched ?? false,
                    smoke is null ? string.Empty : string.Join(',', smoke.FailedSteps),
                    fuzz?.HighFindings,
                    slo?.Load.Latency.P95Ms,
                    slo?.Load.ErrorRate is { } rate ? Math.Round(rate, 4) : null),
                cancellationToken).ConfigureAwait(false);
        }

        var exit = StatusRules.ExitCode(report.OverallStatus, options.FailOn);
        if (exit != ExitCodes.Ok && !quiet)
        {
            core.SetFailed($"The service is {HealthHistory.StatusName(report.OverallStatus)}: failed checks {string.Join(", ", report.FailedChecks)}.");
        }

        // A report that was asked for and not written fails the step even for a healthy service: the next step needs it.
        return options.ReportPath is not null && reportPath is null ? ExitCodes.Failed : exit;
    }

    /// <summary>Writes the JSON report when one is asked for; its full path, or null when none was asked for or it could not be written.</summary>
    // A service started a moment ago (an integration test's) is given ready-timeout to come up before it is judged.
    private static async Task WaitUntilReadyAsync(HealthCheckOptions options, ActionCore core, HttpProbe probe, CancellationToken cancellationToken)
    {
        if (options.ReadyTimeout <= TimeSpan.Zero)
        {
            return;
        }

        var url = options.ReadinessPath is { } path && SameOriginPath.TryResolve(options.ServiceUrl, path, out _) is { } ready ? ready : options.ServiceUrl;
        var waited = await ReadinessWait.WaitAsync(probe, url, options.ResponseTimeout, options.ReadyTimeout, cancellationToken).ConfigureAwait(false);
        var shown = UrlCredentials.Redact(url);
        if (waited is { } took)
        {
            core.WriteInfo(string.Create(CultureInfo.InvariantCulture, $"{shown} answered 2xx after {took.TotalMilliseconds:0} ms"));
        }
        else
        {
            core.WriteWarning(string.Create(CultureInfo.InvariantCulture, $"{shown} did not answer 2xx within ready-timeout ({options.ReadyTimeout.TotalSeconds:0.###} s); checking the service as it is"));
        }
    }

    private static async Task<string?> WriteReportAsync(HealthCheckOptions options, ActionCore core, HealthReport report, CancellationToken cancellationToken)
    {
        if (options.ReportPath is not { } path)
        {
            return null;
        }

        try
        {
            await JsonReportWriter.WriteAsync(path, report, HealthCheckJson.Report, core.Masker, cancellationToken).ConfigureAwait(false);
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            core.WriteError($"The report could not be written to {path}: {e.Message.ReplaceLineEndings(" ")}");
            return null;
        }
    }

    private static void Announce(ActionCore core, CheckResult result, bool quiet)
    {
        if (quiet)
        {
            return;
        }

        if (result.Status == CheckStatus.Failed)
        {
            core.WriteError($"{result.Name}: {string.Join("; ", result.Errors)}", new AnnotationProperties { Title = $"Health check '{result.Name}' failed" });
        }
        else
        {
            core.WriteInfo($"{result.Name}: passed — {result.Message}");
        }

        foreach (var warning in result.Warnings)
        {
            core.WriteWarning($"{result.Name}: {warning}");
        }
    }

    /// <summary>The history file copied out of <c>history-volume</c>; null without a volume, or (after an error annotation) when the volume cannot be reached.</summary>
    private static async Task<VolumeHistoryFile?> OpenVolumeHistoryAsync(HealthCheckOptions options, CheckContext context, ActionCore core, CancellationToken cancellationToken)
    {
        if (options.HistoryVolume is not { } volume || options.HistoryPath is not { } fileName)
        {
            return null;
        }

        try
        {
            return await VolumeHistoryFile.OpenAsync(context.Docker, volume, fileName, options.DiskCheckImage, "disk-check-image", options.SiblingLabels, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or UnauthorizedAccessException or TimeoutException or InvalidDataException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The checks still run and are reported; only remembering them is not possible (engine gone, helper image missing).
            core.WriteError($"History: {volume} cannot be kept: {e.Message.ReplaceLineEndings(" ")}");
            return null;
        }
    }

    private static async Task<HealthReport> RememberAsync(HealthCheckOptions options, ActionCore core, HealthReport report, DateTimeOffset timestamp, VolumeHistoryFile? volumeFile, CancellationToken cancellationToken)
    {
        if (options.HistoryPath is not { } historyPath)
        {
            return report;
        }

        try
        {
            return await RecordAsync(options, core, report, timestamp, volumeFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or UnauthorizedAccessException or TimeoutException
            || (e is SqliteException sqlite && !IsUnreadable(sqlite))
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The checks ran and are reported; only remembering them failed (engine gone, volume or disk unwritable).
            core.WriteError($"History: {volumeFile?.Source ?? historyPath} cannot be kept: {e.Message.ReplaceLineEndings(" ")}");
            return report;
        }
#pragma warning disable CA1031 // Whatever else stops the history from being read leaves the checks' results standing.
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
#pragma warning restore CA1031
        {
            // A damaged file is left exactly as it is (nothing is copied back into a volume either), for a person to look at.
            var reason = e is SqliteException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            core.WriteWarning($"History: {volumeFile?.Source ?? historyPath} cannot be read ({reason.ReplaceLineEndings(" ")}); this run is reported without history and the file is left as it is.");
            return report;
        }
    }

    /// <summary>SQLite says the file's content is damaged or not a database (as opposed to a disk or lock problem).</summary>
    private static bool IsUnreadable(SqliteException e) => e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    private static async Task<HealthReport> RecordAsync(HealthCheckOptions options, ActionCore core, HealthReport report, DateTimeOffset timestamp, VolumeHistoryFile? volumeFile, CancellationToken cancellationToken)
    {
        var historyPath = volumeFile?.LocalPath ?? options.HistoryPath!;
        RecoveryReport? recovery = null;
        HistoryState state;
        using (var history = HealthHistory.Open(historyPath))
        {
            state = await history.RecordAsync(
                timestamp,
                report.OverallStatus,
                report.FailedChecks,
                async before =>
                {
                    if (options.Recovery is not { } recover)
                    {
                        return false;
                    }

                    var (dispatch, reason) = RecoveryPolicy.Decide(recover, before, timestamp);
                    if (!dispatch)
                    {
                        recovery = new RecoveryReport(false, reason, recover.Workflow, before.LastDispatchedAt);
                        return false;
                    }

                    try
                    {
                        await WorkflowDispatcher.DispatchAsync(recover).ConfigureAwait(false);
                        recovery = new RecoveryReport(true, reason, recover.Workflow, timestamp);
                        core.WriteWarning($"Dispatched {recover.Workflow} on {recover.Ref} after {reason}.");
                        return true;
                    }
                    catch (Exception e) when (e is Octokit.ApiException or HttpRequestException or TaskCanceledException)
                    {
                        recovery = new RecoveryReport(false, $"dispatching {recover.Workflow} failed: {e.Message}", recover.Workflow, before.LastDispatchedAt);
                        core.WriteError($"Recovery: dispatching {recover.Workflow} failed: {e.Message}");
                        return false;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }

        foreach (var problem in state.Problems)
        {
            core.WriteWarning($"History: {problem}.");
        }

        // The connection is closed (no pooling): the file alone is the whole history and can go back into the volume.
        if (volumeFile is not null)
        {
            await volumeFile.SaveAsync(cancellationToken).ConfigureAwait(false);
        }

        report = report with
        {
            History = new HistoryReport(volumeFile?.Source ?? Path.GetFullPath(historyPath), state.Runs, state.ConsecutiveFailures, state.PreviousStatus),
            Recovery = recovery,
        };

        if (options.Notifications.Any)
        {
            var change = new StateChange(state.PreviousStatus, report.OverallStatus, report.FailedChecks, report.ServiceUrl, timestamp, state.ConsecutiveFailures, recovery?.Dispatched ?? false);
            if (!change.IsChange)
            {
                report = report with { Notification = new NotificationReport(false, "no change of state", []) };
            }
            else
            {
                using var http = new HttpClient(new SameOriginRedirectHandler()) { Timeout = options.ResponseTimeout };
                var (sent, problems) = await new StateChangeNotifier(http).NotifyAsync(options.Notifications, change, cancellationToken).ConfigureAwait(false);
                foreach (var problem in problems)
                {
                    core.WriteWarning($"Notification: {problem}");
                }

                var from = change.Previous is { } p ? HealthHistory.StatusName(p) : "unknown";
                report = report with { Notification = new NotificationReport(sent.Count > 0, $"{from} → {HealthHistory.StatusName(change.Current)}", sent) { Problems = problems } };
            }
        }

        return report;
    }
}
