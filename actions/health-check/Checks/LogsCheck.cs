using System.Globalization;
using Tailpaste.HealthCheck.Logs;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// Analyses the container's last <c>log-lines</c> lines (or <c>log-file</c>) and fails when the error lines
/// exceed <c>critical-error-threshold</c>.
/// </summary>
public sealed class LogsCheck : IHealthCheck
{
    public string Name => CheckNames.Logs;

    /// <summary>The statistics of the last run, for the step summary.</summary>
    public LogStatistics? Statistics { get; private set; }

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var options = context.Options;
        var analyzer = new LogAnalyzer();
        string source;
        if (options.Logs.File is { } file)
        {
            if (!File.Exists(file))
            {
                recorder.Error($"the log file {file} does not exist");
                return;
            }

            await LogSources.AnalyzeFileAsync(file, analyzer, cancellationToken).ConfigureAwait(false);
            source = file;
        }
        else
        {
            var container = await context.RequireServiceContainerAsync(cancellationToken).ConfigureAwait(false);
            await LogSources.AnalyzeContainerAsync(context.Docker, container, options.Logs.Lines, analyzer, cancellationToken).ConfigureAwait(false);
            source = string.Create(CultureInfo.InvariantCulture, $"container:{options.ContainerName} (last {options.Logs.Lines} lines)");
        }

        var statistics = analyzer.Snapshot();
        Statistics = statistics;
        recorder.Measure(statistics.ErrorCount, options.Logs.CriticalErrorThreshold, "errors");
        recorder.Metric("source", source);
        recorder.Metric("lines", statistics.TotalLines);
        recorder.Metric("requests", statistics.Requests);
        recorder.Metric("requests_by_method", statistics.RequestsByMethod);
        recorder.Metric("status_codes", statistics.StatusCodes);
        recorder.Metric("top_paths", statistics.TopPaths);
        recorder.Metric("unique_client_ips", statistics.UniqueClientIps);
        recorder.Metric("unique_client_ips_estimated", statistics.UniqueClientIpsEstimated);
        recorder.Metric("server_errors", statistics.ServerErrors);
        recorder.Metric("error_count", statistics.ErrorCount);
        recorder.Metric("warning_count", statistics.WarningCount);
        recorder.Metric("errors_by_category", statistics.ErrorsByCategory);
        recorder.Metric("recent_errors", statistics.RecentErrors);
        if (statistics.ErrorCount > options.Logs.CriticalErrorThreshold)
        {
            recorder.Error(string.Create(CultureInfo.InvariantCulture, $"{statistics.ErrorCount} error lines in the log, more than the threshold of {options.Logs.CriticalErrorThreshold}"));
        }
        else if (statistics.ErrorCount > 0)
        {
            recorder.Warning(string.Create(CultureInfo.InvariantCulture, $"{statistics.ErrorCount} error lines in the log (threshold {options.Logs.CriticalErrorThreshold})"));
        }

        recorder.Message = string.Create(CultureInfo.InvariantCulture, $"{statistics.TotalLines} lines, {statistics.Requests} requests, {statistics.ErrorCount} errors, {statistics.WarningCount} warnings");
    }
}
