using System.Globalization;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// The service container through the Docker API: it must exist and run, and its Docker health status (when the
/// image declares a HEALTHCHECK) must not be unhealthy; more restarts than <c>max-restarts</c> only warn.
/// </summary>
public sealed class ContainerCheck : IHealthCheck
{
    public string Name => CheckNames.Container;

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var options = context.Options;
        var container = await context.ServiceContainerAsync(cancellationToken).ConfigureAwait(false);
        if (container is null)
        {
            recorder.Error($"no container named '{options.ContainerName}' on {options.Docker.Endpoint}");
            return;
        }

        var state = container.State;
        var health = state?.Health?.Status ?? "none";
        var restarts = container.RestartCount;
        recorder.Measure(restarts, options.MaxRestarts, "restarts");
        recorder.Metric("name", container.Name.TrimStart('/'));
        recorder.Metric("id", container.ID[..Math.Min(12, container.ID.Length)]);
        recorder.Metric("image", container.Config?.Image);
        recorder.Metric("state", state?.Status);
        recorder.Metric("health", health);
        recorder.Metric("restart_count", restarts);

        if (state is null || !state.Running)
        {
            recorder.Error(string.Create(CultureInfo.InvariantCulture, $"container '{options.ContainerName}' is {state?.Status ?? "in an unknown state"} (exit code {state?.ExitCode ?? 0})"));
            return;
        }

        var uptime = StartedAt(state.StartedAt) is { } started ? context.Time.GetUtcNow() - started : (TimeSpan?)null;
        recorder.Metric("uptime_seconds", uptime is { } u ? Math.Round(u.TotalSeconds) : null);
        if (health == "unhealthy")
        {
            var last = state.Health?.Log?.LastOrDefault()?.Output?.Trim();
            recorder.Error($"Docker reports the container unhealthy{(string.IsNullOrEmpty(last) ? string.Empty : ": " + last)}");
        }
        else if (health == "starting")
        {
            recorder.Warning("the container's health check is still starting");
        }

        if (restarts > options.MaxRestarts)
        {
            recorder.Warning(string.Create(CultureInfo.InvariantCulture, $"the container restarted {restarts} times, more than {options.MaxRestarts}"));
        }

        recorder.Message = string.Create(CultureInfo.InvariantCulture, $"running{(health == "none" ? string.Empty : $", {health}")}, {restarts} restarts");
    }

    private static DateTimeOffset? StartedAt(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started) && started.Year > 1 ? started : null;
}
