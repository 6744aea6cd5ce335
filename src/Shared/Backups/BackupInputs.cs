using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Backups;

/// <summary>Typed getters for the backup-shaped inputs: a backup id (<c>backup-id</c>).</summary>
public static class BackupInputs
{
    /// <summary>A backup id in <see cref="BackupIdFormat"/>, or null when the input is empty; anything else is bad input.</summary>
    public static string? GetOptionalBackupIdInput(this ActionInputs inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var value = inputs.GetOptionalInput(name);
        return value is null || BackupIdFormat.IsValid(value) ? value : throw inputs.Invalid(name, value, BackupIdFormat.Expected);
    }
}
