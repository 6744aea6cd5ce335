using System.Data.Common;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Shared.History;

/// <summary>
/// Where the service history that deploy and health-check share lives, from their <c>history-volume</c> and
/// <c>history-path</c> inputs: a file name inside <paramref name="Volume"/>, or a local SQLite file (a full path);
/// both null for none. Both actions open the same file, so one rule set holds for both.
/// </summary>
public sealed record HistoryLocation(string? Path, string? Volume)
{
    private const int MaxFileNameLength = 255;

    /// <summary>
    /// Reads history-volume first (a Docker volume name), then history-path: with a volume, a plain file name
    /// (no folders, no <c>:</c>, no control characters, at most 255 characters); without one, a local file that
    /// <see cref="HistoryFile.Problem{TConnection}"/> accepts. <typeparamref name="TConnection"/> opens an existing file to check it.
    /// </summary>
    public static HistoryLocation Bind<TConnection>(ActionInputs inputs)
        where TConnection : DbConnection, new()
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var volume = inputs.GetOptionalVolumeInput("history-volume");
        var path = inputs.GetOptionalInput("history-path");
        if (volume is not null)
        {
            // The default is action.yml's: deploy declares it, health-check documents it (its history is off by default).
            var defaultName = inputs.DefaultOf("history-path");
            var fileName = path ?? defaultName;
            return IsPlainFileName(fileName)
                ? new HistoryLocation(fileName, volume)
                : throw inputs.Invalid("history-path", fileName, $"a file name without folders when history-volume is given (default {defaultName})");
        }

        if (path is null)
        {
            return new HistoryLocation(null, null);
        }

        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw inputs.Invalid("history-path", path, $"a file path ({e.Message})");
        }

        return HistoryFile.Problem<TConnection>(full) is { } problem
            ? throw inputs.Invalid("history-path", path, problem)
            : new HistoryLocation(full, null);
    }

    private static bool IsPlainFileName(string name) =>
        name is not ("." or "..") && name.Length <= MaxFileNameLength && name.IndexOfAny(['/', '\\', ':']) < 0 && !name.Any(char.IsControl);
}
