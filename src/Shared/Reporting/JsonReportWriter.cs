using System.Text.Json;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.IO;

namespace Tailpaste.Shared.Reporting;

/// <summary>
/// Writes an action's JSON report (the target of <c>--export</c> / <c>report-path</c>) in the shared shape,
/// atomically, and with every registered secret masked.
/// </summary>
public static class JsonReportWriter
{
    public static string Serialize<T>(T report, SecretMasker? masker = null)
    {
        var json = JsonSerializer.Serialize(report, JsonReportOptions.Indented) + "\n";
        return masker is null ? json : masker.Apply(json);
    }

    public static Task WriteAsync<T>(string path, T report, SecretMasker? masker = null, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllTextAsync(path, Serialize(report, masker), cancellationToken);
}
