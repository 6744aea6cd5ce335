using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>Writes a restore drill's outcome into the backup's manifest (atomically).</summary>
public sealed class RecordDrillOperation : IHelperOperation
{
    public const string OperationName = "record-drill";

    public string Name => OperationName;

    public async Task<HelperOutcome> RunAsync(HelperArguments arguments, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var folder = arguments.Required("folder");
        var drill = StoreJson.Deserialize<DrillRecord>(arguments.Required("drill"))
            ?? throw new InvalidDataException("--drill is empty");
        if (!StoreFiles.IsRealFolder(folder))
        {
            return HelperOutcome.BadInput($"there is no backup folder {folder}");
        }

        var manifest = StoreFiles.ReadManifest(folder) with { Drill = drill };
        await StoreFiles.WriteManifestAsync(folder, manifest, cancellationToken).ConfigureAwait(false);
        return HelperOutcome.Ok(manifest);
    }
}
