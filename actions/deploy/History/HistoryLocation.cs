using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.IO;

namespace Tailpaste.Deploy.History;

/// <summary>The service history shared with health-check: a file name inside <paramref name="Volume"/>, or a local SQLite file; both null for none.</summary>
public sealed record HistoryLocation(string? Path, string? Volume)
{
    public static HistoryLocation Bind(ActionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var volume = inputs.GetOptionalVolumeInput("history-volume");
        var path = inputs.GetOptionalInput("history-path");
        if (volume is not null)
        {
            return path is null || path is "." or ".." || path.Length > 255 || path.IndexOfAny(['/', '\\', ':']) >= 0 || path.Any(char.IsControl)
                ? throw inputs.Invalid("history-path", path ?? string.Empty, "a file name without folders when history-volume is given (default history.db)")
                : new HistoryLocation(path, volume);
        }

        if (path is null)
        {
            return new HistoryLocation(null, null);
        }

        var full = inputs.GetOutputPathInput("history-path");
        return FileEntry.Of(full).Kind is FileKind.Missing or FileKind.RegularFile
            ? new HistoryLocation(full, null)
            : throw inputs.Invalid("history-path", path, "a SQLite history file (not a link, folder, device or pipe)");
    }
}
