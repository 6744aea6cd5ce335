using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.IO;

namespace Tailpaste.BackupRestore.Store;

/// <summary>The store from <c>backup-volume</c> or <c>backup-dir</c> (exactly one; the default volume when neither), and which input chose it.</summary>
public static class StoreInputs
{
    public static (BackupStore Store, string Input) Bind(ActionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
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
}
