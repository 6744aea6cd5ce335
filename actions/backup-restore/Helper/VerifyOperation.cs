using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// Recomputes the SHA-256 of every file a backup's manifest lists and runs the integrity check on its database;
/// with <c>--record</c> the outcome goes into the manifest. Exit 1 names every file that does not match.
/// </summary>
public sealed class VerifyOperation : IHelperOperation
{
    public const string OperationName = "verify";

    public string Name => OperationName;

    public async Task<HelperOutcome> RunAsync(HelperArguments arguments, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var folder = arguments.Required("folder");
        if (!StoreFiles.IsRealFolder(folder))
        {
            return HelperOutcome.BadInput($"there is no backup folder {folder}");
        }

        BackupManifest manifest;
        try
        {
            manifest = StoreFiles.ReadManifest(folder);
        }
        catch (InvalidDataException e)
        {
            return new HelperOutcome(1, new VerifyResult(false, [e.Message], null, null));
        }

        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.Name);
            if (StoreFiles.Problem(path, file.Name) is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            var actual = await DurableFiles.Sha256Async(path, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{file.Name}: SHA-256 {actual} does not match the manifest's {file.Sha256}");
            }
            else if (file.Name == BackupManifest.DatabaseFile)
            {
                using var connection = SqliteConnections.OpenCopy(path);
                var integrity = DatabaseInspector.IntegrityCheck(connection);
                if (integrity != "ok")
                {
                    problems.Add($"{file.Name}: integrity check: {integrity}");
                }
            }
        }

        if (!manifest.Files.Any(file => file.Name == BackupManifest.DatabaseFile))
        {
            problems.Add($"the manifest lists no {BackupManifest.DatabaseFile}");
        }

        var container = problems.Count == 0 ? await ReadContainerAsync(folder, manifest, cancellationToken).ConfigureAwait(false) : null;
        var passed = problems.Count == 0;
        if (arguments.Switch("record"))
        {
            manifest = manifest with { Verification = new VerificationRecord(DateTimeOffset.UtcNow, passed, problems) };
            await StoreFiles.WriteManifestAsync(folder, manifest, cancellationToken).ConfigureAwait(false);
        }

        return new HelperOutcome(passed ? 0 : 1, new VerifyResult(passed, problems, manifest, container));
    }

    /// <summary>The saved container configuration, once its checksum has matched (so its size is the manifest's, small).</summary>
    private static async Task<string?> ReadContainerAsync(string folder, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var file = manifest.Files.FirstOrDefault(f => f.Name == BackupManifest.ContainerFile);
        return file is null || file.Size > BackupManifest.MaxBytes
            ? null
            : await File.ReadAllTextAsync(Path.Combine(folder, file.Name), cancellationToken).ConfigureAwait(false);
    }
}

/// <param name="Manifest">The manifest (with the new verification when recorded); null when it could not be read.</param>
/// <param name="Container">container.json as saved (JSON of a ContainerSnapshot), when the backup passed.</param>
public sealed record VerifyResult(bool Passed, IReadOnlyList<string> Problems, BackupManifest? Manifest, string? Container);
