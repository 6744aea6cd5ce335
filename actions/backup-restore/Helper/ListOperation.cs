using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// Every backup of one service in the store, with its manifest; folders whose manifest cannot be read are
/// named with the reason, and hidden folders left by an interrupted backup or removal are counted apart.
/// </summary>
public sealed class ListOperation : IHelperOperation
{
    public const string OperationName = "list";

    public string Name => OperationName;

    public Task<HelperOutcome> RunAsync(HelperArguments arguments, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var folder = arguments.Required("folder");
        var backups = new List<BackupManifest>();
        var unreadable = new List<UnreadableBackup>();
        var leftovers = new List<string>();
        if (StoreFiles.IsRealFolder(folder))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.'))
                {
                    leftovers.Add(name);
                }
                else if (!BackupId.IsValid(name) || !StoreFiles.IsRealFolder(entry))
                {
                    unreadable.Add(new UnreadableBackup(name, "not a backup folder"));
                }
                else
                {
                    try
                    {
                        backups.Add(StoreFiles.ReadManifest(entry));
                    }
                    catch (InvalidDataException e)
                    {
                        unreadable.Add(new UnreadableBackup(name, e.Message));
                    }
                }
            }
        }

        return Task.FromResult(HelperOutcome.Ok(new ListResult(backups.OrderByDescending(b => b.Id, StringComparer.Ordinal).ToList(), unreadable, leftovers)));
    }
}

/// <param name="Backups">Readable backups, newest first.</param>
/// <param name="Unreadable">Entries that look like backups but cannot be read, with the reason.</param>
/// <param name="Leftovers">Hidden folders of interrupted backups or removals.</param>
public sealed record ListResult(IReadOnlyList<BackupManifest> Backups, IReadOnlyList<UnreadableBackup> Unreadable, IReadOnlyList<string> Leftovers);

public sealed record UnreadableBackup(string Name, string Problem);
