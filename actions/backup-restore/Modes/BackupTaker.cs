using Docker.DotNet.Models;
using Tailpaste.BackupRestore.Engine;
using Tailpaste.BackupRestore.Helper;
using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>
/// Takes one backup of the service: image kept by a tag, container configuration, git commit, service version
/// (all through the Docker API and HTTP), then the database copy, integrity check and checksums in a helper
/// container that mounts the service's volumes and the store. The caller holds the service's lock.
/// </summary>
public static class BackupTaker
{
    public const string RevisionLabel = "org.opencontainers.image.revision";

    /// <param name="readOnly">Mount the service's volumes read-only (a backup of the running service); a restore's safety backup of the stopped service mounts them writable, which SQLite needs to open a database whose WAL was removed.</param>
    public static async Task<BackupManifest> TakeAsync(ModeContext context, ServiceLocation service, string kind, bool readOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(service);
        var docker = context.Docker;
        var container = service.Container;
        var image = await docker.Images.InspectImageAsync(container.Image, cancellationToken).ConfigureAwait(false);
        var (commit, commitSource) = Commit(image, context.Options.GitCommit);
        var version = await ServiceVersion.AskAsync(context.Options.ServiceUrl, cancellationToken).ConfigureAwait(false);
        if (version.Problem is not null && kind == BackupKinds.Backup)
        {
            context.Core.WriteWarning($"The service's version is not recorded: {version.Problem} ({context.Options.ServiceUrlForDisplay}).");
        }

        var id = BackupId.New(context.Time.GetUtcNow(), container.ID);
        var tag = ImageKeeper.BackupTag(container.Config?.Image, id);
        var snapshot = ContainerSnapshots.Capture(container);
        var draft = new BackupManifest
        {
            Id = id,
            Kind = kind,
            CreatedAt = context.Time.GetUtcNow(),
            Service = new ServiceRecord(service.Name, container.ID, service.StoragePath, version.Version, version.Commit),
            GitCommit = commit,
            GitCommitSource = commitSource,
            Image = new ImageRecord(snapshot.Image, image.ID, image.RepoDigests?.ToList() ?? [], tag),
            CreatedBy = new CreatedBy(context.Options.Identity.Workflow, context.Options.Identity.RunId, context.Options.Identity.Actor),
        };

        var helper = await context.HelperAsync(cancellationToken).ConfigureAwait(false);
        await ImageKeeper.TagAsync(docker, image.ID, tag, cancellationToken).ConfigureAwait(false);
        try
        {
            return await helper.RunAsync<BackupManifest>(
                BackupOperation.OperationName,
                [
                    "--database", service.DatabasePath,
                    "--folder", BackupStore.ServiceFolder(context.Service),
                    "--manifest", StoreJson.Serialize(draft),
                    "--container", StoreJson.Serialize(snapshot, indented: true),
                ],
                new HelperMounts
                {
                    VolumesFrom = [container.ID + (readOnly ? ":ro" : string.Empty)],
                    Binds = [context.Options.Store.Bind(readOnly: false)],
                },
                ModeContext.LongHelperTimeout,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ImageKeeper.ReleaseAsync(docker, tag, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static (string? Commit, string Source) Commit(ImageInspectResponse image, string? input) =>
        image.Config?.Labels is { } labels && labels.TryGetValue(RevisionLabel, out var revision) && IsCommit(revision)
            ? (revision, "image-label")
            : input is not null ? (input, "input") : (null, "none");

    // A label is whatever the image's builder wrote; only a commit id is taken from it.
    private static bool IsCommit(string text) => text.Length is >= 7 and <= 64 && text.All(char.IsAsciiHexDigit);
}
