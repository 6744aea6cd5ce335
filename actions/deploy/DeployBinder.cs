using Microsoft.Data.Sqlite;
using Tailpaste.Deploy.Containers;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.History;

namespace Tailpaste.Deploy;

/// <summary>
/// Inputs to <see cref="DeployOptions"/>: every declared input is read and checked on every call, before anything is
/// touched, in the order of action.yml (so the first bad input named is the same on every run); each group of
/// settings binds in its own file.
/// </summary>
public static class DeployBinder
{
    public const string PauseVariable = "TAILPASTE_TEST_PAUSE_AT";

    public static DeployOptions Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var strategy = inputs.GetChoiceInput("strategy", "recreate", "blue-green") == "recreate" ? Strategy.Recreate : Strategy.BlueGreen;
        var image = inputs.GetImageInput("image");
        // Slot and proxy containers are named after it, so it leaves room for their suffixes.
        var container = inputs.GetContainerNameInput("container-name", maxLength: 200);

        var overrides = SettingsOverrides.Bind(inputs);
        var serviceUrl = ServiceUrlInput.Bind(inputs, runner, allowCredentials: false);
        return new DeployOptions
        {
            Strategy = strategy,
            Image = image,
            ContainerName = container,
            Overrides = overrides,
            ServiceUrl = serviceUrl,
            Health = HealthGate.Bind(inputs),
            Rollback = RollbackPolicy.Bind(inputs),
            Proxy = ProxySettings.Bind(inputs, serviceUrl),
            DeployVolume = inputs.GetVolumeInput("deploy-volume"),
            History = HistoryLocation.Bind<SqliteConnection>(inputs),
            Trigger = inputs.GetChoiceInput("trigger", "automatic", "manual") == "manual" ? DeployTrigger.Manual : DeployTrigger.Automatic,
            Backup = BackupLink.Bind(inputs),
            Release = ReleaseIdentity.Bind(inputs, runner),
            LockStaleAfter = inputs.GetDurationInput("lock-stale-after", TimeSpan.FromSeconds(1), TimeSpan.FromDays(7)),
            Docker = inputs.GetDockerHostInput(runner),
            ReportPath = inputs.GetOptionalOutputPathInput("report-path"),
            Run = RunIdentity.From(runner),
            PauseAt = runner.Get(PauseVariable),
        };
    }
}
