using System.Globalization;
using System.Text.RegularExpressions;
using Tailpaste.BackupRestore.Engine;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.IO;

namespace Tailpaste.BackupRestore;

/// <summary>Inputs to <see cref="BackupRestoreOptions"/>: every declared input is read and checked on every call, before anything is touched.</summary>
public static partial class BackupRestoreBinder
{
    public const string PauseVariable = "TAILPASTE_TEST_PAUSE_BEFORE";

    public static BackupRestoreOptions Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var mode = Enum.Parse<Mode>(inputs.GetChoiceInput("mode", "backup", "verify", "list", "prune", "restore"), ignoreCase: true);
        var container = inputs.GetInput("container-name", required: true);
        if (!DockerNames.IsContainerName(container))
        {
            throw inputs.Invalid("container-name", container, DockerNames.ContainerExpected);
        }

        var storagePath = inputs.GetOptionalInput("storage-path");
        if (storagePath is not null && !IsContainerFolder(storagePath))
        {
            throw inputs.Invalid("storage-path", storagePath, "an absolute folder path inside the service container, such as /data (no .., no control characters)");
        }

        var (store, storeInput) = BindStore(inputs);
        var backupId = inputs.GetOptionalInput("backup-id");
        if (backupId is not null && !BackupId.IsValid(backupId))
        {
            throw inputs.Invalid("backup-id", backupId, BackupId.Expected);
        }

        var drill = inputs.GetBoolInput("drill");
        var verifyAfter = inputs.GetBoolInput("verify-after-backup");
        var retain = inputs.GetIntInput("retain", 0, 100_000);
        var retainDays = inputs.GetIntInput("retain-days", 0, 36_500);
        var force = inputs.GetBoolInput("force");
        var dryRun = inputs.GetBoolInput("dry-run");
        var gitCommit = inputs.GetOptionalInput("git-commit");
        if (gitCommit is not null && !CommitPattern().IsMatch(gitCommit))
        {
            throw inputs.Invalid("git-commit", gitCommit, "a git commit id (7 to 64 hex digits)");
        }

        var serviceUrl = ServiceUrlInput.Bind(inputs, runner, allowCredentials: true);
        var healthTimeout = inputs.GetDurationInput("health-timeout", TimeSpan.FromHours(1), allowZero: false);
        var helperImage = inputs.GetOptionalInput("helper-image");
        if (helperImage is not null && !ImagePattern().IsMatch(helperImage))
        {
            throw inputs.Invalid("helper-image", helperImage, "an image reference such as tailpaste/actions:1.2.0 (letters, digits and . _ - / : @)");
        }

        var labels = inputs.GetLabelSelectorInput("container-labels");
        var staleAfter = inputs.GetDurationInput("lock-stale-after", TimeSpan.FromDays(7), allowZero: false);
        var (docker, dockerSource) = inputs.GetDockerHostInput(runner);
        var reportPath = inputs.GetOptionalInput("report-path") is null ? null : inputs.GetOutputPathInput("report-path");

        return new BackupRestoreOptions
        {
            Mode = mode,
            ContainerName = container.TrimStart('/'),
            StoragePath = storagePath?.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : storagePath,
            Store = store,
            StoreInput = storeInput,
            BackupId = backupId,
            Drill = drill,
            VerifyAfterBackup = verifyAfter,
            Retain = retain,
            RetainDays = retainDays,
            Force = force,
            DryRun = dryRun,
            GitCommit = gitCommit?.ToLowerInvariant(),
            ServiceUrl = serviceUrl,
            HealthTimeout = healthTimeout,
            HelperImage = helperImage,
            SelfContainerIds = helperImage is null ? SelfContainer.ReadCandidateIds() : [],
            SiblingLabels = labels.Labels,
            LockStaleAfter = staleAfter,
            Docker = docker,
            DockerSource = dockerSource,
            ReportPath = reportPath,
            Identity = Identity(runner),
            PauseBefore = runner.Get(PauseVariable),
        };
    }

    private static (BackupStore Store, string Input) BindStore(ActionInputs inputs)
    {
        var volume = inputs.GetOptionalInput("backup-volume");
        var folder = inputs.GetOptionalInput("backup-dir");
        if (volume is not null && folder is not null)
        {
            throw inputs.Invalid("backup-dir", folder, $"empty when backup-volume is given ({volume}): give exactly one of the two");
        }

        if (folder is null)
        {
            volume ??= BackupStore.DefaultVolume;
            return DockerNames.IsVolumeName(volume)
                ? (BackupStore.InVolume(volume), "backup-volume")
                : throw inputs.Invalid("backup-volume", volume, DockerNames.VolumeExpected);
        }

        if (!Path.IsPathFullyQualified(folder) || folder.Any(char.IsControl) || folder.Contains(':', StringComparison.Ordinal) || folder.Split('/').Contains(".."))
        {
            throw inputs.Invalid("backup-dir", folder, "an absolute folder path on the engine's host without .. or ':'");
        }

        var entry = FileEntry.Of(folder);
        return entry.Kind == FileKind.Directory
            ? (BackupStore.InHostFolder(Path.TrimEndingDirectorySeparator(folder)), "backup-dir")
            : throw inputs.Invalid("backup-dir", folder, $"an existing folder (not a link to one), but it is {(entry.Kind == FileKind.Missing ? "missing" : entry.Kind.ToString())}");
    }

    private static bool IsContainerFolder(string path) =>
        path.StartsWith('/') && path.Length <= 1024 && !path.Any(char.IsControl) && !path.Contains(':', StringComparison.Ordinal)
        && !path.Split('/').Any(part => part is "." or "..");

    private static RunIdentity Identity(RunnerEnvironment runner) => runner.IsActions
        ? new RunIdentity(runner.Get("GITHUB_WORKFLOW") ?? "unknown", runner.Get("GITHUB_RUN_ID") ?? "unknown", runner.Get("GITHUB_ACTOR") ?? "unknown")
        : new RunIdentity("cli", string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}@{Environment.MachineName}"), runner.Get("USER") ?? "unknown");

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImagePattern();
}
