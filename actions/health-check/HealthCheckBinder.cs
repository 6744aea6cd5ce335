using System.Globalization;
using System.Text.RegularExpressions;
using Tailpaste.HealthCheck.Checks;
using Tailpaste.HealthCheck.Configuration;
using Tailpaste.HealthCheck.History;
using Tailpaste.HealthCheck.Notifications;
using Tailpaste.HealthCheck.Recovery;
using Tailpaste.HealthCheck.Reporting;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.Http;
using Tailpaste.Shared.IO;

namespace Tailpaste.HealthCheck;

/// <summary>
/// Inputs to <see cref="HealthCheckOptions"/>. Precedence for the settings the seed's config file knows:
/// a given input, then the config file, then TAILPASTE_URL / STORAGE_PATH (as the seed reads them), then the
/// seed's default. Every declared input is read on every call.
/// </summary>
public static partial class HealthCheckBinder
{
    public const string DefaultServiceUrl = "http://tailpaste:8080";
    public const string DefaultStoragePath = "/data";
    public const string DefaultApiUrl = "https://api.github.com";
    public const string DefaultHistoryFile = "history.db";
    public const string DefaultReportFile = "health-check-report.json";

    public static HealthCheckOptions Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var config = inputs.GetOptionalInput("config") is { } configPath ? HealthCheckConfigFile.Load(configPath) : HealthCheckConfigFile.Empty;

        var checks = ParseChecks(inputs);
        if (config.TailscaleCheck == true && !checks.Contains(CheckNames.Tailscale))
        {
            checks = [.. checks, CheckNames.Tailscale];
        }

        var serviceUrl = Url(
            inputs.GetOptionalInput("service-url") is { } fromInput ? ("service-url", fromInput)
            : config.ServiceUrl is { } fromConfig ? ($"config '{config.Path}' key service_url", fromConfig)
            : runner.Get("TAILPASTE_URL") is { } fromEnv ? ("TAILPASTE_URL", fromEnv)
            : ("service-url", DefaultServiceUrl));
        var attempts = inputs.GetIntInput("attempts", 1, 100);
        var timeout = Timeout(inputs, config);
        var maxResponse = OptionalNumber(inputs, "max-response-time-ms") ?? config.MaxResponseTimeMs ?? 2000;
        var readiness = inputs.GetOptionalInput("readiness-path");
        if (readiness is not null && SameOriginPath.TryResolve(serviceUrl, readiness, out var readinessProblem) is null)
        {
            throw inputs.Invalid("readiness-path", readiness, $"{SameOriginPath.Expected} (or empty to skip the readiness probe), but {readinessProblem}");
        }

        var maxCreate = OptionalNumber(inputs, "max-paste-create-time-ms") ?? config.MaxPasteCreateTimeMs ?? 5000;
        var uploadToken = inputs.GetOptionalInput("upload-token");
        if (uploadToken is not null && uploadToken.Any(char.IsControl))
        {
            throw inputs.Invalid("upload-token", uploadToken, "one token without line breaks or other control characters");
        }
        var containerName = ContainerName(
            inputs.GetOptionalInput("container-name") is { } nameInput ? ("container-name", nameInput)
            : config.ContainerName is { } nameConfig ? ($"config '{config.Path}' key container_name", nameConfig)
            : ("container-name", "tailpaste"));
        var maxRestarts = inputs.GetIntInput("max-restarts", 0);
        var storagePath = inputs.GetOptionalInput("storage-path") ?? config.StoragePath ?? runner.Get("STORAGE_PATH") ?? DefaultStoragePath;
        var maxDb = OptionalNumber(inputs, "max-db-size-mb") ?? config.MaxDbSizeMb ?? 500;
        var quick = inputs.GetChoiceInput("integrity-check", "full", "quick") == "quick";
        var logLines = inputs.GetIntInput("log-lines", 1, 1_000_000);
        var logFile = inputs.GetOptionalInput("log-file");
        if (logFile is not null && InputFile.Problem(logFile) is { } logProblem)
        {
            throw inputs.Invalid("log-file", logFile, $"a log file (or a link to one), but {logProblem}");
        }
        var threshold = inputs.GetOptionalInput("critical-error-threshold") is not null
            ? inputs.GetIntInput("critical-error-threshold", 0)
            : config.CriticalErrorThreshold ?? 10;
        var diskWarn = inputs.GetDoubleInput("disk-warn-percent", 0, 100);
        var diskFail = inputs.GetDoubleInput("disk-fail-percent", 0, 100);
        if (diskWarn > diskFail)
        {
            throw inputs.Invalid("disk-warn-percent", diskWarn.ToString(CultureInfo.InvariantCulture), $"a share no higher than disk-fail-percent ({diskFail.ToString(CultureInfo.InvariantCulture)})");
        }

        var diskImage = inputs.GetInput("disk-check-image", required: true);
        var labels = LabelSelector.Parse(inputs.GetInput("container-labels", required: true), "container-labels");
        var docker = inputs.GetOptionalInput("docker-host") is { } host
            ? DockerEndpoint.Parse(host, "docker-host")
            : DockerEndpoint.Parse(runner.Get("DOCKER_HOST"));
        var failOn = inputs.GetChoiceInput("fail-on", "degraded", "unhealthy") == "unhealthy" ? FailOn.Unhealthy : FailOn.Degraded;
        var reportPath = ReportPath(inputs, runner);
        var silent = inputs.GetBoolInput("silent");
        var json = inputs.GetBoolInput("json");
        var (historyPath, historyVolume) = BindHistory(inputs);
        var recovery = BindRecovery(inputs, runner, historyPath);
        var notifications = new NotificationTargets(
            OptionalUrl(inputs, "slack-webhook"),
            OptionalUrl(inputs, "webhook-url"));
        if (notifications.Any && historyPath is null)
        {
            throw inputs.Invalid(notifications.SlackWebhook is not null ? "slack-webhook" : "webhook-url", "***", "to be used with history-path or history-volume, which the action needs to tell a change of state from a repeat");
        }

        return new HealthCheckOptions
        {
            Checks = checks,
            ServiceUrl = serviceUrl,
            Attempts = attempts,
            ResponseTimeout = timeout,
            MaxResponseTimeMs = maxResponse,
            ReadinessPath = readiness,
            MaxPasteCreateTimeMs = maxCreate,
            UploadToken = uploadToken,
            ContainerName = containerName,
            MaxRestarts = maxRestarts,
            StoragePath = storagePath,
            MaxDbSizeMb = maxDb,
            QuickIntegrityCheck = quick,
            LogLines = logLines,
            LogFile = logFile,
            CriticalErrorThreshold = threshold,
            DiskWarnPercent = diskWarn,
            DiskFailPercent = diskFail,
            DiskCheckImage = diskImage,
            SiblingLabels = labels.Labels,
            Docker = docker,
            FailOn = failOn,
            ReportPath = reportPath,
            Silent = silent,
            Json = json,
            HistoryPath = historyPath,
            HistoryVolume = historyVolume,
            Recovery = recovery,
            Notifications = notifications,
        };
    }

    private static List<string> ParseChecks(ActionInputs inputs)
    {
        var names = inputs.GetListInput("checks");
        if (names.Count == 0)
        {
            throw inputs.Invalid("checks", inputs.GetInput("checks"), $"one or more of {string.Join(", ", CheckNames.All)}");
        }

        var checks = new List<string>();
        foreach (var name in names)
        {
            var known = CheckNames.All.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw inputs.Invalid("checks", inputs.GetInput("checks"), $"check names from {string.Join(", ", CheckNames.All)}; '{name}' is not one");
            if (!checks.Contains(known))
            {
                checks.Add(known);
            }
        }

        // Report in the catalogue's order whatever order they were written in.
        return CheckNames.All.Where(checks.Contains).ToList();
    }

    /// <summary>The report's full path, checked now (not a folder, link or device; its folder takes a file); null for none.</summary>
    private static string? ReportPath(ActionInputs inputs, RunnerEnvironment runner)
    {
        if (inputs.GetOptionalInput("report-path") is not null)
        {
            return inputs.GetOutputPathInput("report-path");
        }

        if (!runner.IsActions)
        {
            return null;
        }

        var path = Path.GetFullPath(DefaultReportFile);
        return WritableFilePath.Problem(path) is { } problem
            ? throw inputs.Invalid("report-path", DefaultReportFile, $"a path where a file can be written (the default inside a workflow), but {problem}")
            : path;
    }

    private static (string? Path, string? Volume) BindHistory(ActionInputs inputs)
    {
        var path = inputs.GetOptionalInput("history-path");
        var volume = inputs.GetOptionalInput("history-volume");
        if (volume is null)
        {
            return path is not null && HealthHistory.Problem(path) is { } problem
                ? throw inputs.Invalid("history-path", path, problem)
                : (path, null);
        }

        if (!VolumeName().IsMatch(volume))
        {
            throw inputs.Invalid("history-volume", volume, "a Docker volume name (letters, digits, _ . -, starting with a letter or digit)");
        }

        path ??= DefaultHistoryFile;
        if (path is "." or ".." || path.IndexOfAny(['/', '\\']) >= 0)
        {
            throw inputs.Invalid("history-path", path, $"a file name without folders when history-volume is given (default {DefaultHistoryFile})");
        }

        return (path, volume);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex VolumeName();

    /// <summary>A container name or id as Docker spells them; the name goes into an API path, so nothing else may pass.</summary>
    private static string ContainerName((string Source, string Value) given) =>
        ContainerNamePattern().IsMatch(given.Value) && given.Value.Length <= 256
            ? given.Value
            : throw new InputException(given.Source, given.Value, "a container name or id (letters, digits, _ . -, starting with a letter or digit)");

    [GeneratedRegex("^/?[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex ContainerNamePattern();

    private static RecoveryOptions? BindRecovery(ActionInputs inputs, RunnerEnvironment runner, string? historyPath)
    {
        var enabled = inputs.GetBoolInput("recover");
        var after = inputs.GetIntInput("recover-after", 1, 1000);
        var cooldown = inputs.GetDurationInput("recover-cooldown") ?? throw inputs.Invalid("recover-cooldown", string.Empty, DurationParser.Expected);
        var workflow = inputs.GetInput("recover-workflow", required: true);
        var gitRef = inputs.GetOptionalInput("recover-ref") ?? runner.Ref ?? "main";
        var dispatchInputs = ParsePairs(inputs, "recover-inputs");
        var repository = inputs.GetOptionalInput("repository") ?? runner.Repository;
        var token = inputs.GetOptionalInput("github-token");
        var apiText = inputs.GetOptionalInput("github-api-url") ?? runner.ApiUrl ?? DefaultApiUrl;
        // The token goes to this address: plain http only where it never leaves the machine.
        if (!Uri.TryCreate(apiText, UriKind.Absolute, out var apiUrl) || !(apiUrl.Scheme == Uri.UriSchemeHttps || (apiUrl.Scheme == Uri.UriSchemeHttp && apiUrl.IsLoopback)))
        {
            throw inputs.Invalid("github-api-url", apiText, "an absolute https:// URL such as https://api.github.com (http:// only to a loopback address, which the token never leaves the machine for)");
        }

        if (!enabled)
        {
            return null;
        }

        if (historyPath is null)
        {
            throw inputs.Invalid("history-path", string.Empty, "a file path (or history-volume) when recover is true: consecutive failures and the cooldown are counted in the history");
        }

        var parts = repository?.Split('/') ?? [];
        if (parts.Length != 2 || parts.Any(p => p.Length == 0))
        {
            throw inputs.Invalid("repository", repository ?? string.Empty, "owner/name (or GITHUB_REPOSITORY set by the runner) when recover is true");
        }

        if (token is null)
        {
            throw new InputException("github-token", null, "a token allowed to dispatch workflows (actions: write) when recover is true");
        }

        return new RecoveryOptions(after, cooldown, workflow, gitRef, dispatchInputs, parts[0], parts[1], token, apiUrl);
    }

    private static Dictionary<string, string> ParsePairs(ActionInputs inputs, string name)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in inputs.GetListInput(name))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw inputs.Invalid(name, inputs.GetInput(name), $"key=value pairs separated by commas or new lines; '{item}' has no key=");
            }

            pairs[item[..equals].Trim()] = item[(equals + 1)..].Trim();
        }

        return pairs;
    }

    private static Uri Url((string Source, string Value) given)
    {
        var (source, value) = given;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(url.Host))
        {
            // A user:password@ in the value is a credential: the message names the input, never the password.
            throw new InputException(source, UrlCredentials.Redact(value), "an absolute http:// or https:// URL such as http://tailpaste:8080");
        }

        return url;
    }

    private static Uri? OptionalUrl(ActionInputs inputs, string name)
    {
        var value = inputs.GetOptionalInput(name);
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw inputs.Invalid(name, value, "an absolute http(s) URL");
    }

    private static double? OptionalNumber(ActionInputs inputs, string name) =>
        inputs.GetOptionalInput(name) is null ? null : inputs.GetDoubleInput(name, 0.001);

    private static TimeSpan Timeout(ActionInputs inputs, HealthCheckConfigFile config)
    {
        var text = inputs.GetOptionalInput("response-timeout");
        if (text is null)
        {
            return TimeSpan.FromSeconds(config.ResponseTimeoutSeconds ?? 10);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DurationParser.TryParse(text, out var duration) && duration > TimeSpan.Zero && duration <= TimeSpan.FromHours(1)
            ? duration
            : throw inputs.Invalid("response-timeout", text, "seconds (such as 10 or 0.5) or a duration (such as 10s or 500ms) up to 1 hour");
    }
}
