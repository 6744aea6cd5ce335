using System.Globalization;
using System.Text.RegularExpressions;
using Tailpaste.Deploy.Containers;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.IO;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.Deploy;

/// <summary>Inputs to <see cref="DeployOptions"/>: every declared input is read and checked on every call, before anything is touched.</summary>
public static partial class DeployBinder
{
    public const string PauseVariable = "TAILPASTE_TEST_PAUSE_AT";

    public static DeployOptions Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var strategy = inputs.GetChoiceInput("strategy", "recreate", "blue-green") == "recreate" ? Strategy.Recreate : Strategy.BlueGreen;
        var image = Image(inputs, "image");
        var container = inputs.GetInput("container-name", required: true);
        if (!DockerNames.IsContainerName(container) || container.Length > 200)
        {
            throw inputs.Invalid("container-name", container, DockerNames.ContainerExpected + ", at most 200 characters");
        }

        var overrides = SettingsOverrides.Bind(inputs);
        var serviceUrl = ServiceUrlInput.Bind(inputs, runner, allowCredentials: false);
        var healthPath = inputs.GetInput("health-path", required: true);
        if (!healthPath.StartsWith('/') || healthPath.StartsWith("//", StringComparison.Ordinal) || healthPath.Length > 256
            || healthPath.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '\\' or '@' or '#'))
        {
            throw inputs.Invalid("health-path", healthPath, "a path on service-url starting with a single /, such as /readyz (no spaces, backslashes, @ or #)");
        }

        var healthTimeout = Duration(inputs, "health-timeout", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        var smoke = inputs.GetBoolInput("smoke");
        var token = inputs.GetOptionalInput("upload-token");
        if (token is not null && token.Any(char.IsControl))
        {
            throw inputs.Invalid("upload-token", token, "a token on one line");
        }

        var slo = Slo(inputs);
        var sloDuration = Duration(inputs, "slo-duration", TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var verifyWindow = Duration(inputs, "verify-window", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        var verifyRate = inputs.GetIntInput("verify-rate", 1, 100);
        var errorRate = inputs.GetDoubleInput("rollback-error-rate", 0, 100);
        var p95 = inputs.GetDoubleInput("rollback-p95-ms", 1, 600_000);
        var logErrors = inputs.GetIntInput("log-errors-after-deploy", 0, 1_000_000);
        var logErrorsAfterRollback = inputs.GetIntInput("log-errors-after-rollback", 0, 1_000_000);
        var rollbackWindow = Duration(inputs, "rollback-verify-window", TimeSpan.Zero, TimeSpan.FromHours(1));
        var drainTimeout = Duration(inputs, "drain-timeout", TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var proxyImage = Image(inputs, "proxy-image");
        var proxyPort = inputs.GetOptionalInput("proxy-port") is null ? serviceUrl.Port : inputs.GetIntInput("proxy-port", 1, 65535);
        var previewPort = inputs.GetIntInput("preview-port", 1, 65535);
        var slots = SlotPorts(inputs, proxyPort, previewPort);
        var deployVolume = Volume(inputs, "deploy-volume", required: true)!;
        var (historyPath, historyVolume) = History(inputs);
        var trigger = inputs.GetChoiceInput("trigger", "automatic", "manual") == "manual" ? DeployTrigger.Manual : DeployTrigger.Automatic;
        var backupId = inputs.GetOptionalInput("backup-id");
        var allowNoBackup = inputs.GetBoolInput("allow-no-backup");
        if (backupId is not null && !BackupIdPattern().IsMatch(backupId))
        {
            throw inputs.Invalid("backup-id", backupId, "a backup id of the backup-restore action, such as 20260101T120000Z-0123abcd");
        }

        if (backupId is null && !allowNoBackup)
        {
            throw inputs.Invalid("backup-id", string.Empty, "the backup taken before this deploy (the backup-restore action's backup-id output); a deploy without one is refused unless allow-no-backup is true");
        }

        var backupVolume = Volume(inputs, "backup-volume", required: true)!;
        var version = inputs.GetOptionalInput("version");
        if (version is not null && !LabelValuePattern().IsMatch(version))
        {
            throw inputs.Invalid("version", version, "a version of at most 128 letters, digits and . _ + - (such as 1.4.0)");
        }

        var commit = inputs.GetOptionalInput("git-commit");
        if (commit is not null && !CommitPattern().IsMatch(commit))
        {
            throw inputs.Invalid("git-commit", commit, "a git commit id (7 to 64 hex digits)");
        }

        var staleAfter = Duration(inputs, "lock-stale-after", TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
        var docker = inputs.GetDockerHostInput(runner);
        var reportPath = inputs.GetOptionalInput("report-path") is null ? null : inputs.GetOutputPathInput("report-path");

        return new DeployOptions
        {
            Strategy = strategy,
            Image = image,
            ContainerName = container.TrimStart('/'),
            Overrides = overrides,
            ServiceUrl = serviceUrl,
            HealthPath = healthPath,
            HealthTimeout = healthTimeout,
            Smoke = smoke,
            UploadToken = token,
            Slo = slo,
            SloDuration = sloDuration,
            VerifyWindow = verifyWindow,
            VerifyRate = verifyRate,
            RollbackErrorRate = errorRate / 100,
            RollbackP95Ms = p95,
            LogErrorsAfterDeploy = logErrors,
            LogErrorsAfterRollback = logErrorsAfterRollback,
            RollbackVerifyWindow = rollbackWindow,
            DrainTimeout = drainTimeout,
            ProxyImage = proxyImage,
            ProxyPort = proxyPort,
            PreviewPort = previewPort,
            SlotPorts = slots,
            DeployVolume = deployVolume,
            HistoryPath = historyPath,
            HistoryVolume = historyVolume,
            Trigger = trigger,
            BackupId = backupId,
            BackupVolume = backupVolume,
            Version = version,
            GitCommit = commit?.ToLowerInvariant(),
            WorkflowSha = runner.Get("GITHUB_SHA") is { } sha && CommitPattern().IsMatch(sha) ? sha.ToLowerInvariant() : null,
            LockStaleAfter = staleAfter,
            Docker = docker.Endpoint,
            DockerSource = docker.Source,
            ReportPath = reportPath,
            Run = DeployRun.From(runner),
            PauseAt = runner.Get(PauseVariable),
        };
    }

    private static string Image(ActionInputs inputs, string name)
    {
        var image = inputs.GetInput(name, required: true);
        return ImagePattern().IsMatch(image)
            ? image
            : throw inputs.Invalid(name, image, "an image reference such as tailpaste/paste-service:1.4.0 (letters, digits and . _ - / : @)");
    }

    private static IReadOnlyList<SloThreshold> Slo(ActionInputs inputs)
    {
        var lines = inputs.GetMultilineInput("slo");
        if (lines.Count > 16)
        {
            throw inputs.Invalid("slo", $"{lines.Count} lines", "at most 16 thresholds, one per line");
        }

        try
        {
            return SloThresholdParser.ParseAll(lines);
        }
        catch (SloThresholdFormatException e)
        {
            throw new InputException("slo", e.Message, SloThresholdParser.Grammar);
        }
    }

    private static (int Blue, int Green) SlotPorts(ActionInputs inputs, int proxyPort, int previewPort)
    {
        var text = inputs.GetInput("slot-ports", required: true);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        const string Expected = "two different ports from 1 to 65535 separated by a comma, other than proxy-port and preview-port (such as 8081,8082)";
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var blue)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var green)
            || blue is < 1 or > 65535 || green is < 1 or > 65535 || blue == green)
        {
            throw inputs.Invalid("slot-ports", text, Expected);
        }

        if (new[] { blue, green }.Any(port => port == proxyPort || port == previewPort) || proxyPort == previewPort)
        {
            throw inputs.Invalid("slot-ports", text, $"{Expected}; proxy-port is {proxyPort}, preview-port {previewPort}");
        }

        return (blue, green);
    }

    private static (string? Path, string? Volume) History(ActionInputs inputs)
    {
        var volume = Volume(inputs, "history-volume", required: false);
        var path = inputs.GetOptionalInput("history-path");
        if (volume is not null)
        {
            return path is null || path is "." or ".." || path.Length > 255 || path.IndexOfAny(['/', '\\', ':']) >= 0 || path.Any(char.IsControl)
                ? throw inputs.Invalid("history-path", path ?? string.Empty, "a file name without folders when history-volume is given (default history.db)")
                : (path, volume);
        }

        if (path is null)
        {
            return (null, null);
        }

        var full = inputs.GetOutputPathInput("history-path");
        return FileEntry.Of(full).Kind is FileKind.Missing or FileKind.RegularFile
            ? (full, null)
            : throw inputs.Invalid("history-path", path, "a SQLite history file (not a link, folder, device or pipe)");
    }

    private static string? Volume(ActionInputs inputs, string name, bool required)
    {
        var volume = required ? inputs.GetInput(name, required: true) : inputs.GetOptionalInput(name);
        return volume is null || DockerNames.IsVolumeName(volume) ? volume : throw inputs.Invalid(name, volume, DockerNames.VolumeExpected);
    }

    private static TimeSpan Duration(ActionInputs inputs, string name, TimeSpan min, TimeSpan max)
    {
        var value = inputs.GetInput(name, required: true);
        return DurationParser.TryParse(value, out var duration) && duration >= min && duration <= max
            ? duration
            : throw inputs.Invalid(name, value, string.Create(CultureInfo.InvariantCulture, $"{DurationParser.Expected}, from {Describe(min)} to {Describe(max)}"));
    }

    private static string Describe(TimeSpan span) => span == TimeSpan.Zero ? "0s"
        : span.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0}d")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0}h")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0}m")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s");

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImagePattern();

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex BackupIdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValuePattern();
}
