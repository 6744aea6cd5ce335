using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// Small .tar.gz files made by hand for the installer tests: a well-formed tailpaste-{version}/ tree plus one
/// entry an attacker would add (a link out, an absolute or '..' name, a device, a setuid file).
/// </summary>
public static class CraftedArchive
{
    public static IReadOnlyList<string> HostileKinds { get; } = ["symlink", "hardlink", "absolute", "dot-dot", "outside-top", "fifo", "setuid"];

    /// <summary>Writes tailpaste-{version}/ with ok.txt and, when given, a file named <paramref name="extraFile"/>.</summary>
    public static void WriteGood(string path, string version, string? extraFile = null)
    {
        Write(path, version, writer =>
        {
            if (extraFile is not null)
            {
                writer.WriteEntry(File($"tailpaste-{version}/{extraFile}", "not the published archive\n"));
            }
        });
    }

    /// <summary>Writes tailpaste-{version}/ with ok.txt and one entry of <paramref name="kind"/>, aimed at <paramref name="outside"/>.</summary>
    public static void WriteHostile(string path, string version, string kind, string outside)
    {
        var top = $"tailpaste-{version}";
        Write(path, version, writer => writer.WriteEntry(kind switch
        {
            "symlink" => new GnuTarEntry(TarEntryType.SymbolicLink, $"{top}/escape") { LinkName = outside },
            "hardlink" => new GnuTarEntry(TarEntryType.HardLink, $"{top}/escape") { LinkName = outside },
            "absolute" => File(outside, "written outside\n"),
            // Extracted into PREFIX/.staging.X/, three levels up is the folder that holds PREFIX.
            "dot-dot" => File($"{top}/../../../{Path.GetFileName(outside)}", "written outside\n"),
            "outside-top" => File("elsewhere.txt", "next to the top folder\n"),
            "fifo" => new GnuTarEntry(TarEntryType.Fifo, $"{top}/pipe") { Mode = (UnixFileMode)0b110_100_100 },
            "setuid" => File($"{top}/tool", "#!/bin/sh\n", (UnixFileMode)0b100_111_101_101),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        }));
    }

    private static void Write(string path, string version, Action<TarWriter> addMore)
    {
        using var file = System.IO.File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new TarWriter(gzip, TarEntryFormat.Gnu);
        writer.WriteEntry(new GnuTarEntry(TarEntryType.Directory, $"tailpaste-{version}/") { Mode = (UnixFileMode)0b111_101_101 });
        writer.WriteEntry(File($"tailpaste-{version}/ok.txt", "ok\n"));
        addMore(writer);
    }

    private static GnuTarEntry File(string name, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100) =>
        new(TarEntryType.RegularFile, name) { Mode = mode, DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
}
