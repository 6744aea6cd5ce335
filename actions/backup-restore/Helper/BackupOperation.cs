using System.Globalization;
using System.Text;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.IO;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// Takes one backup inside the helper container: a consistent copy of the live database into a hidden folder
/// of the store, the integrity check on the copy, the SHA-256 of every file, the manifest written last, and
/// only then the folder renamed to the backup's id. A crash at any point leaves the hidden folder, which is
/// never listed as a backup and which prune removes.
/// </summary>
public sealed class BackupOperation : IHelperOperation
{
    public const string OperationName = "backup";

    public string Name => OperationName;

    public async Task<HelperOutcome> RunAsync(HelperArguments arguments, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(log);
        var database = arguments.Required("database");
        var serviceFolder = arguments.Required("folder");
        var method = arguments.Optional("method") ?? CopyMethod.Default;
        var draft = StoreJson.Deserialize<BackupManifest>(arguments.Required("manifest"))
            ?? throw new InvalidDataException("--manifest is empty");
        var container = Encoding.UTF8.GetBytes(arguments.Required("container"));
        if (StoreFiles.Problem(database, database) is { } problem)
        {
            return HelperOutcome.BadInput($"there is no database to back up: {problem}");
        }

        Directory.CreateDirectory(serviceFolder);
        var partial = Path.Combine(serviceFolder, ".partial-" + draft.Id);
        var final = Path.Combine(serviceFolder, draft.Id);
        if (Exists(final) || Exists(partial))
        {
            return HelperOutcome.BadInput($"backup {draft.Id} already exists in the store");
        }

        Directory.CreateDirectory(partial);
        try
        {
            var copy = Path.Combine(partial, BackupManifest.DatabaseFile);
            await log.WriteLineAsync($"copying {database} ({method})").ConfigureAwait(false);
            var took = await SqliteCopy.CopyAsync(database, copy, method).ConfigureAwait(false);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"copied in {took.TotalMilliseconds:0} ms; checking the copy")).ConfigureAwait(false);

            // The checksum and the integrity check read the same file; on two cores they overlap.
            var databaseHash = Task.Run(() => DurableFiles.Sha256Async(copy, cancellationToken), cancellationToken);
            DatabaseFacts facts;
            using (var connection = SqliteConnections.OpenCopy(copy))
            {
                facts = DatabaseInspector.Inspect(connection, copy, integrityCheck: true, method, Math.Round(took.TotalMilliseconds, 1));
            }

            if (facts.IntegrityCheck != "ok")
            {
                return HelperOutcome.Failed($"the copy of {database} failed the integrity check: {facts.IntegrityCheck}");
            }

            var containerPath = Path.Combine(partial, BackupManifest.ContainerFile);
            await File.WriteAllBytesAsync(containerPath, container, cancellationToken).ConfigureAwait(false);
            DurableFiles.Flush(containerPath);
            var manifest = draft with
            {
                Database = facts,
                Files =
                [
                    new ManifestFile(BackupManifest.DatabaseFile, new FileInfo(copy).Length, await databaseHash.ConfigureAwait(false)),
                    new ManifestFile(BackupManifest.ContainerFile, container.Length, await DurableFiles.Sha256Async(containerPath, cancellationToken).ConfigureAwait(false)),
                ],
                Verification = new VerificationRecord(DateTimeOffset.UtcNow, true, []),
            };
            await StoreFiles.WriteManifestAsync(partial, manifest, cancellationToken).ConfigureAwait(false);
            Directory.Move(partial, final);
            DurableFiles.FlushFolder(serviceFolder);
            return HelperOutcome.Ok(manifest);
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }
    }

    private static bool Exists(string path) => FileEntry.Of(path).Kind != FileKind.Missing;
}
