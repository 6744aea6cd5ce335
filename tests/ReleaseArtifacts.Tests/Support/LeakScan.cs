using System.IO.Compression;
using System.Text;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// Looks for a secret everywhere a release run can put text: its log, step summary and outputs, every file
/// under the given folders (gzip files decompressed first, links never followed) and every request a fake
/// GitHub received (upload bodies decompressed too).
/// </summary>
public static class LeakScan
{
    public static void AssertNowhere(string secret, ActionRun run, FakeGitHub? github, params string[] folders)
    {
        ArgumentNullException.ThrowIfNull(run);
        var places = new List<(string Where, byte[] Bytes)>
        {
            ("stdout", Encoding.UTF8.GetBytes(run.Stdout)),
            ("stderr", Encoding.UTF8.GetBytes(run.Stderr)),
            ("step summary", File.ReadAllBytes(run.SummaryFile)),
            ("outputs", File.ReadAllBytes(run.OutputFile)),
        };
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).LinkTarget is null))
            {
                places.Add((file, Expand(File.ReadAllBytes(file))));
            }
        }

        foreach (var request in github?.Requests ?? [])
        {
            places.Add((request.Line, Expand(request.BodyBytes ?? Encoding.UTF8.GetBytes(request.Body ?? string.Empty))));
        }

        var needle = Encoding.UTF8.GetBytes(secret);
        var found = places.Where(p => p.Bytes.AsSpan().IndexOf(needle) >= 0).Select(p => p.Where).ToList();
        Assert.True(found.Count == 0, $"'{secret}' leaked into: {string.Join(", ", found)}");
    }

    // A gzip body (the archive) is searched as what it decompresses to.
    private static byte[] Expand(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b)
        {
            return bytes;
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
