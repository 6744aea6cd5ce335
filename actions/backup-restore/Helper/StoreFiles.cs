using System.Text.Json;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.IO;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// Reading and writing the store from inside the helper. The store may hold anything someone with access to
/// the volume put there, so nothing is followed through a link, sizes are checked before reading, and names
/// from a manifest must be plain file names in their own folder.
/// </summary>
public static class StoreFiles
{
    /// <summary>The manifest of the backup in <paramref name="folder"/>, or throws <see cref="InvalidDataException"/> saying why it cannot be read.</summary>
    public static BackupManifest ReadManifest(string folder)
    {
        var path = Path.Combine(folder, BackupManifest.FileName);
        var entry = FileEntry.Of(path);
        if (entry.Kind == FileKind.Missing)
        {
            throw new InvalidDataException($"{BackupManifest.FileName} is missing");
        }

        if (!entry.IsRegularFile)
        {
            throw new InvalidDataException($"{BackupManifest.FileName} is {entry.Kind.Describe()}, not a regular file");
        }

        if (entry.Size > BackupManifest.MaxBytes)
        {
            throw new InvalidDataException($"{BackupManifest.FileName} is {entry.Size} bytes, more than a manifest may be ({BackupManifest.MaxBytes})");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), StoreJson.TypeInfo<BackupManifest>());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{BackupManifest.FileName} is not a readable manifest: {e.Message}", e);
        }

        if (manifest is null || manifest.Id != Path.GetFileName(folder))
        {
            throw new InvalidDataException($"{BackupManifest.FileName} names backup {manifest?.Id ?? "(none)"}, not {Path.GetFileName(folder)}");
        }

        foreach (var file in manifest.Files)
        {
            if (!IsPlainName(file.Name))
            {
                throw new InvalidDataException($"{BackupManifest.FileName} lists '{file.Name}', which is not a plain file name");
            }
        }

        return manifest;
    }

    public static Task WriteManifestAsync(string folder, BackupManifest manifest, CancellationToken cancellationToken) =>
        DurableFiles.WriteAtomicallyAsync(Path.Combine(folder, BackupManifest.FileName), JsonSerializer.SerializeToUtf8Bytes(manifest, StoreJson.TypeInfo<BackupManifest>(indented: true)), cancellationToken);

    /// <summary>A regular file that is really in its folder: not a link, not a folder, not a device.</summary>
    public static string? Problem(string path, string name)
    {
        var entry = FileEntry.Of(path);
        return entry.Kind switch
        {
            FileKind.Missing => $"{name} is missing",
            FileKind.RegularFile => null,
            _ => $"{name} is {entry.Kind.Describe()}, not a regular file",
        };
    }

    public static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 255 && name is not ("." or "..") && name.IndexOfAny(['/', '\\', '\0']) < 0;

    /// <summary>A folder (not a link to one) or nothing; anything else is refused.</summary>
    public static bool IsRealFolder(string path) => FileEntry.Of(path).Kind == FileKind.Directory;
}
