using Microsoft.Data.Sqlite;
using Tailpaste.HealthCheck.Checks;
using Tailpaste.HealthCheck.Configuration;
using Tailpaste.HealthCheck.Notifications;
using Tailpaste.HealthCheck.Probes;
using Tailpaste.HealthCheck.Recovery;
using Tailpaste.HealthCheck.Reporting;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.History;
using Tailpaste.Shared.Http;
using Tailpaste.Shared.IO;

namespace Tailpaste.HealthCheck;

/// <summary>
/// Inputs to <see cref="HealthCheckOptions"/>. For the settings the seed's config file knows: a given input, then
/// the config file, then TAILPASTE_URL / STORAGE_PATH (as the seed reads them), then the input's documented
/// default in action.yml (<see cref="ConfigLayers"/>). Every declared input is read on every call.
/// </summary>
public static class HealthCheckBinder
{
    public static HealthCheckOptions Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var config = inputs.GetOptionalInput("config") is { } configPath ? HealthCheckConfigFile.Load(configPath) : HealthCheckConfigFile.Empty;
        var checks = CheckSelection.Bind(inputs, config);
        var (url, urlSource) = ConfigLayers.Pick(inputs, "service-url", config, "service_url", config.ServiceUrl, runner.Get("TAILPASTE_URL"), "TAILPASTE_URL");
        var serviceUrl = HttpUrl.Parse(url, urlSource);
        var readiness = ReadinessPath(inputs, serviceUrl);
        var uploadToken = UploadToken(inputs);
        var (container, containerSource) = ConfigLayers.Pick(inputs, "container-name", config, "container_name", config.ContainerName);
        var logs = LogsCheckOptions.Bind(inputs, config);
        var disk = DiskCheckOptions.Bind(inputs);
        var responseTimeout = inputs.GetOptionalDurationInput("response-timeout", TimeSpan.FromHours(1), allowZero: false)
            ?? TimeSpan.FromSeconds(config.ResponseTimeoutSeconds ?? ConfigLayers.Documented(inputs, "response-timeout"));
        var options = new HealthCheckOptions
        {
            Checks = checks,
            ServiceUrl = serviceUrl,
            ResponseTimeout = responseTimeout,
            Service = ServiceCheckOptions.Bind(inputs, config),
            ReadinessPath = readiness,
            ReadyTimeout = inputs.GetOptionalDurationInput("ready-timeout", TimeSpan.FromMinutes(10)) ?? TimeSpan.Zero,
            MaxPasteCreateTimeMs = ConfigLayers.Number(inputs, "max-paste-create-time-ms", config.MaxPasteCreateTimeMs),
            UploadToken = uploadToken,
            Probes = ProbeBinder.Bind(inputs, serviceUrl, responseTimeout, checks),
            ContainerName = DockerNames.Container(container, containerSource),
            MaxRestarts = inputs.GetIntInput("max-restarts", 0),
            Database = DatabaseCheckOptions.Bind(inputs, config, runner),
            Logs = logs,
            Disk = disk,
            DiskCheckImage = inputs.GetInput("disk-check-image", required: true),
            SiblingLabels = inputs.GetLabelSetInput("container-labels"),
            Docker = inputs.GetDockerHostInput(runner),
            FailOn = inputs.GetChoiceInput("fail-on", "degraded", "unhealthy") == "unhealthy" ? FailOn.Unhealthy : FailOn.Degraded,
            ReportPath = ReportPath(inputs, runner),
            Silent = inputs.GetBoolInput("silent"),
            Json = inputs.GetBoolInput("json"),
            History = HistoryLocation.Bind<SqliteConnection>(inputs),
            Notifications = new NotificationTargets(inputs.GetOptionalUrlInput("slack-webhook"), inputs.GetOptionalUrlInput("webhook-url")),
        };
        if (options.Notifications.Any && options.History.Path is null)
        {
            throw inputs.Invalid(options.Notifications.SlackWebhook is not null ? "slack-webhook" : "webhook-url", "***", "to be used with history-path or history-volume, which the action needs to tell a change of state from a repeat");
        }

        return options with { Recovery = RecoveryBinder.Bind(inputs, runner, options.History.Path is not null) };
    }

    private static string? UploadToken(ActionInputs inputs)
    {
        var token = inputs.GetOptionalInput("upload-token");
        return token is not null && token.Any(char.IsControl)
            ? throw inputs.Invalid("upload-token", token, "one token without line breaks or other control characters")
            : token;
    }

    /// <summary>A path on the service's origin GET once for readiness; null to skip the readiness probe.</summary>
    private static string? ReadinessPath(ActionInputs inputs, Uri serviceUrl)
    {
        var readiness = inputs.GetOptionalInput("readiness-path");
        return readiness is not null && SameOriginPath.TryResolve(serviceUrl, readiness, out var problem) is null
            ? throw inputs.Invalid("readiness-path", readiness, $"{SameOriginPath.Expected} (or empty to skip the readiness probe), but {problem}")
            : readiness;
    }

    /// <summary>The report's full path, checked now (not a folder, link or device; its folder takes a file); null for none outside a run.</summary>
    private static string? ReportPath(ActionInputs inputs, RunnerEnvironment runner)
    {
        var given = inputs.GetOptionalOutputPathInput("report-path");
        if (given is not null || !runner.IsActions)
        {
            return given;
        }

        var file = inputs.DocumentedDefault("report-path");
        var path = Path.GetFullPath(file);
        return WritableFilePath.Problem(path) is { } problem
            ? throw inputs.Invalid("report-path", file, $"a path where a file can be written (the default inside a workflow), but {problem}")
            : path;
    }
}
