namespace Tailpaste.BackupRestore.Store;

/// <summary>
/// <c>manifest.json</c> of one backup: what was saved, from where, by whom, the SHA-256 of every file, and
/// what later checks found. The action fills what the Docker API tells; the helper container adds the
/// database's facts and the checksums, and writes the file last, so a backup folder without a readable
/// manifest is never a backup.
/// </summary>
public sealed record BackupManifest
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";
    public const string DatabaseFile = "pastes.db";
    public const string ContainerFile = "container.json";

    /// <summary>The most a manifest may weigh; anything bigger in the store is not read.</summary>
    public const long MaxBytes = 1024 * 1024;

    public int Format { get; init; } = CurrentFormat;

    public required string Id { get; init; }

    /// <summary><c>backup</c>, or <c>safety</c> for the one a restore takes of the state it replaces.</summary>
    public string Kind { get; init; } = BackupKinds.Backup;

    public required DateTimeOffset CreatedAt { get; init; }

    public required ServiceRecord Service { get; init; }

    public string? GitCommit { get; init; }

    /// <summary>Where <see cref="GitCommit"/> came from: <c>image-label</c>, <c>input</c> or <c>none</c>.</summary>
    public string GitCommitSource { get; init; } = "none";

    public required ImageRecord Image { get; init; }

    public DatabaseFacts? Database { get; init; }

    public IReadOnlyList<ManifestFile> Files { get; init; } = [];

    public long TotalBytes => Files.Sum(file => file.Size);

    public required CreatedBy CreatedBy { get; init; }

    public VerificationRecord? Verification { get; init; }

    public DrillRecord? Drill { get; init; }

    /// <summary>Checksums and integrity passed at the last check, and the last drill (if any) too.</summary>
    public bool Verified => Verification?.Passed == true && Drill?.Passed != false;
}

public static class BackupKinds
{
    public const string Backup = "backup";
    public const string Safety = "safety";
}

/// <param name="Container">The container's name.</param>
/// <param name="ContainerId">Its id at backup time.</param>
/// <param name="StoragePath">The folder of pastes.db inside it.</param>
/// <param name="Version">What GET /version said (null when it did not answer).</param>
/// <param name="VersionCommit">The commit GET /version named.</param>
public sealed record ServiceRecord(string Container, string ContainerId, string StoragePath, string? Version, string? VersionCommit);

/// <param name="Reference">The image reference the container was created from (the production tag).</param>
/// <param name="Id">The image's id (its config digest).</param>
/// <param name="RepoDigests">Registry digests the engine knows for it.</param>
/// <param name="BackupTag">The extra tag that keeps the image alive, <c>&lt;repository&gt;:backup-&lt;id&gt;</c>.</param>
public sealed record ImageRecord(string Reference, string Id, IReadOnlyList<string> RepoDigests, string BackupTag);

/// <param name="Name">A plain file name inside the backup folder.</param>
public sealed record ManifestFile(string Name, long Size, string Sha256);

/// <param name="Workflow">GITHUB_WORKFLOW, or cli.</param>
public sealed record CreatedBy(string Workflow, string RunId, string Actor);

/// <param name="Passed">Every checksum matched and the integrity check said ok.</param>
/// <param name="Problems">What did not match, naming the file.</param>
public sealed record VerificationRecord(DateTimeOffset At, bool Passed, IReadOnlyList<string> Problems);

/// <param name="Passed">The saved image served the copy: the smoke probe passed and the row count matched.</param>
/// <param name="Ms">How long the drill took, from the scratch copy to the last probe.</param>
/// <param name="Rows">Rows the scratch service's database held after start-up.</param>
/// <param name="Detail">What failed, or a one-line account of what passed.</param>
public sealed record DrillRecord(DateTimeOffset At, bool Passed, double Ms, long? Rows, string Detail);
