using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.BackupRestore.Reporting;

/// <summary>The report's JSON metadata, generated at build time: the shared shape without reflection.</summary>
[JsonSerializable(typeof(BackupRestoreReport))]
internal sealed partial class BackupRestoreJsonContext : JsonSerializerContext;

/// <summary>The report's options and type info in the shared shape (<see cref="JsonReportOptions"/>); the report holds no enum or dictionary.</summary>
internal static class BackupRestoreJson
{
    public static JsonSerializerOptions Options { get; } = JsonReportOptions.For(BackupRestoreJsonContext.Default, indented: true);

    public static JsonTypeInfo<BackupRestoreReport> Report { get; } = (JsonTypeInfo<BackupRestoreReport>)Options.GetTypeInfo(typeof(BackupRestoreReport));
}
