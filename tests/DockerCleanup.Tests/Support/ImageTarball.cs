using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tailpaste.DockerCleanup.Tests.Support;

/// <summary>
/// A tiny image in <c>docker save</c> form, for <c>docker load</c>: one layer with one file, the given
/// labels and tags, and a creation time of our choosing (so older-than can be tested without waiting).
/// No registry and no build needed; distinct content gives a distinct image ID.
/// </summary>
internal static class ImageTarball
{
    public static (byte[] Tarball, string ImageId) Create(IReadOnlyDictionary<string, string> labels, IReadOnlyList<string> tags, DateTimeOffset created, string content)
    {
        var layer = Tar(("id.txt", Encoding.UTF8.GetBytes(content)));
        var layerHex = Convert.ToHexStringLower(SHA256.HashData(layer));
        var config = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["created"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["config"] = new Dictionary<string, object?> { ["Labels"] = labels, ["Cmd"] = new[] { "/id.txt" } },
            ["rootfs"] = new Dictionary<string, object?> { ["type"] = "layers", ["diff_ids"] = new[] { "sha256:" + layerHex } },
        });
        var configHex = Convert.ToHexStringLower(SHA256.HashData(config));
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            new Dictionary<string, object?>
            {
                ["Config"] = configHex + ".json",
                ["RepoTags"] = tags.Count == 0 ? null : tags,
                ["Layers"] = new[] { layerHex + "/layer.tar" },
            },
        });
        var tarball = Tar((configHex + ".json", config), (layerHex + "/layer.tar", layer), ("manifest.json", manifest));
        return (tarball, "sha256:" + configHex);
    }

    private static byte[] Tar(params (string Name, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(content),
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    ModificationTime = DateTimeOffset.UnixEpoch,
                };
                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }
}
