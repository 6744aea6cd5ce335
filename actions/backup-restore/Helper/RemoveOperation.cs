using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// Removes whole backups (and, with <c>--leftovers</c>, the hidden folders of interrupted runs): each is first
/// renamed to a hidden name, so it stops being a backup in one step, then deleted without following links.
/// </summary>
public sealed class RemoveOperation : IHelperOperation
{
    public const string OperationName = "remove";

    public string Name => OperationName;

    public async Task<HelperOutcome> RunAsync(HelperArguments arguments, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(log);
        var folder = arguments.Required("folder");
        var ids = (arguments.Optional("ids") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (ids.FirstOrDefault(id => !BackupId.IsValid(id)) is { } bad)
        {
            return HelperOutcome.BadInput($"'{bad}' is not {BackupId.Expected}");
        }

        var removed = new List<string>();
        foreach (var id in ids)
        {
            var path = Path.Combine(folder, id);
            if (!StoreFiles.IsRealFolder(path))
            {
                continue;
            }

            var hidden = Path.Combine(folder, $".removing-{id}-{Guid.NewGuid():N}");
            Directory.Move(path, hidden);
            DurableFiles.FlushFolder(folder);
            Directory.Delete(hidden, recursive: true);
            removed.Add(id);
            await log.WriteLineAsync($"removed backup {id}").ConfigureAwait(false);
        }

        var leftovers = new List<string>();
        if (arguments.Switch("leftovers") && StoreFiles.IsRealFolder(folder))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, ".*"))
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith(".partial-", StringComparison.Ordinal) || name.StartsWith(".removing-", StringComparison.Ordinal))
                {
                    if (StoreFiles.IsRealFolder(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }

                    leftovers.Add(name);
                }
            }
        }

        return HelperOutcome.Ok(new RemoveResult(removed, leftovers));
    }
}

public sealed record RemoveResult(IReadOnlyList<string> Removed, IReadOnlyList<string> Leftovers);
