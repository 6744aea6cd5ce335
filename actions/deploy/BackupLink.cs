using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy;

/// <summary>The backup taken before this deploy (checked to exist in <paramref name="Volume"/> before anything changes); <paramref name="Id"/> null only with allow-no-backup.</summary>
public sealed record BackupLink(string? Id, string Volume)
{
    public static BackupLink Bind(ActionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var allowNoBackup = inputs.GetBoolInput("allow-no-backup");
        var id = inputs.GetOptionalInput("backup-id", InputFormats.BackupId);
        if (id is null && !allowNoBackup)
        {
            throw inputs.Invalid("backup-id", string.Empty, "the backup taken before this deploy (the backup-restore action's backup-id output); a deploy without one is refused unless allow-no-backup is true");
        }

        return new BackupLink(id, inputs.GetVolumeInput("backup-volume"));
    }
}
