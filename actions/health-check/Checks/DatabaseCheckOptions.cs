using Tailpaste.HealthCheck.Configuration;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>The database check's settings: where the service keeps pastes.db, its size limit, and which SQLite check runs.</summary>
public sealed record DatabaseCheckOptions(string StoragePath, double MaxDbSizeMb, bool QuickIntegrityCheck)
{
    /// <summary>storage-path (else the config file's, else STORAGE_PATH, else the documented default), max-db-size-mb and integrity-check.</summary>
    public static DatabaseCheckOptions Bind(ActionInputs inputs, HealthCheckConfigFile config, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(runner);
        var (storagePath, _) = ConfigLayers.Pick(inputs, "storage-path", config, "storage_path", config.StoragePath, runner.Get("STORAGE_PATH"), "STORAGE_PATH");
        return new DatabaseCheckOptions(
            storagePath,
            ConfigLayers.Number(inputs, "max-db-size-mb", config.MaxDbSizeMb),
            inputs.GetChoiceInput("integrity-check", "full", "quick") == "quick");
    }
}
