using Tailpaste.BackupRestore.Engine;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.BackupRestore;

/// <summary>Inputs to <see cref="BackupRestoreOptions"/>: every declared input is read and checked on every call, before anything is touched.</summary>
public static class BackupRestoreBinder
{
    public const string PauseVariable = "TAILPASTE_TEST_PAUSE_BEFORE";

    public static BackupRestoreOptions Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        // Read in the order of action.yml, so the first bad input named is the same on every run.
        var mode = Enum.Parse<Mode>(inputs.GetChoiceInput("mode", "backup", "verify", "list", "prune", "restore"), ignoreCase: true);
        var container = inputs.GetContainerNameInput("container-name");

        var storagePath = StoragePath(inputs);
        var (store, storeInput) = StoreInputs.Bind(inputs);
        var options = new BackupRestoreOptions
        {
            Mode = mode,
            ContainerName = container,
            StoragePath = storagePath,
            Store = store,
            StoreInput = storeInput,
            BackupId = inputs.GetOptionalInput("backup-id", InputFormats.BackupId),
            Drill = inputs.GetBoolInput("drill"),
            VerifyAfterBackup = inputs.GetBoolInput("verify-after-backup"),
            Retain = inputs.GetIntInput("retain", 0, 100_000),
            RetainDays = inputs.GetIntInput("retain-days", 0, 36_500),
            Force = inputs.GetBoolInput("force"),
            DryRun = inputs.GetBoolInput("dry-run"),
            GitCommit = inputs.GetOptionalCommitIdInput("git-commit"),
            ServiceUrl = ServiceUrlInput.Bind(inputs, runner, allowCredentials: true),
            HealthTimeout = inputs.GetDurationInput("health-timeout", TimeSpan.FromHours(1), allowZero: false),
            HelperImage = inputs.GetOptionalImageInput("helper-image"),
            SiblingLabels = inputs.GetLabelSelectorInput("container-labels").Labels,
            LockStaleAfter = inputs.GetDurationInput("lock-stale-after", TimeSpan.FromDays(7), allowZero: false),
            Docker = inputs.GetDockerHostInput(runner),
            ReportPath = inputs.GetOptionalOutputPathInput("report-path"),
            Identity = RunIdentity.From(runner),
            PauseBefore = runner.Get(PauseVariable),
        };
        return options.HelperImage is null ? options with { SelfContainerIds = SelfContainer.ReadCandidateIds() } : options;
    }

    /// <summary>An absolute folder inside the service container, without its trailing slash; null for the container's own.</summary>
    private static string? StoragePath(ActionInputs inputs)
    {
        var path = inputs.GetOptionalInput("storage-path");
        if (path is null)
        {
            return null;
        }

        return path.StartsWith('/') && path.Length <= 1024 && !path.Any(char.IsControl) && !path.Contains(':', StringComparison.Ordinal)
            && !path.Split('/').Any(part => part is "." or "..")
            ? (path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : path)
            : throw inputs.Invalid("storage-path", path, "an absolute folder path inside the service container, such as /data (no .., no control characters)");
    }
}
