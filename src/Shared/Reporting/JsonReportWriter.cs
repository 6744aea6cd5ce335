using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.IO;

namespace Tailpaste.Shared.Reporting;

/// <summary>
/// Writes an action's JSON report (the target of <c>--export</c> / <c>report-path</c>) in the shared shape,
/// atomically, and with every registered secret masked. The report's type comes with its source-generated
/// metadata (<see cref="JsonReportOptions.For"/>).
/// </summary>
public static class JsonReportWriter
{
    public static string Serialize<T>(T report, JsonTypeInfo<T> typeInfo, SecretMasker? masker = null)
    {
        var json = JsonSerializer.Serialize(report, typeInfo) + "\n";
        return masker is null ? json : masker.Apply(json);
    }

    public static Task WriteAsync<T>(string path, T report, JsonTypeInfo<T> typeInfo, SecretMasker? masker = null, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllTextAsync(path, Serialize(report, typeInfo, masker), cancellationToken);

    /// <summary>The same over reflection, for tests and benchmarks; every action passes its report's JsonTypeInfo.</summary>
    [RequiresUnreferencedCode("Reflection-based serialisation; pass the report's JsonTypeInfo.")]
    [RequiresDynamicCode("Reflection-based serialisation; pass the report's JsonTypeInfo.")]
    public static string Serialize<T>(T report, SecretMasker? masker = null)
    {
        var json = JsonSerializer.Serialize(report, JsonReportOptions.Indented) + "\n";
        return masker is null ? json : masker.Apply(json);
    }

    /// <summary>The same over reflection, for tests and benchmarks; every action passes its report's JsonTypeInfo.</summary>
    [RequiresUnreferencedCode("Reflection-based serialisation; pass the report's JsonTypeInfo.")]
    [RequiresDynamicCode("Reflection-based serialisation; pass the report's JsonTypeInfo.")]
    public static Task WriteAsync<T>(string path, T report, SecretMasker? masker = null, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllTextAsync(path, Serialize(report, masker), cancellationToken);
}
