using System.Text.Json;
using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// How the helper container answers the action: one line on standard output, <see cref="Marker"/> and a JSON
/// document (the operation's result, or <see cref="HelperFailure"/>). Everything else it prints is progress
/// for the log.
/// </summary>
public static class HelperResult
{
    public const string Marker = "tailpaste-helper-result ";

    public static string Line(object result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Marker + JsonSerializer.Serialize(result, StoreJson.Compact.GetTypeInfo(result.GetType()));
    }

    /// <summary>The result in a helper's output; null when it printed none.</summary>
    public static T? Find<T>(string output)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        return line is null ? null : StoreJson.Deserialize<T>(line[Marker.Length..]);
    }
}

/// <summary>Why a helper operation did not do its work.</summary>
public sealed record HelperFailure(string Error);
