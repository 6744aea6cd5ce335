using System.Security.Cryptography;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>A folder's content as comparable text: every path with its kind, exec bit, link target or SHA-256.</summary>
public static class TreeSnapshot
{
    public static IReadOnlyList<string> Of(string root)
    {
        var lines = new List<string>();
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path);
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
            {
                lines.Add($"link {relative} -> {target}");
            }
            else if (Directory.Exists(path))
            {
                lines.Add($"dir  {relative}");
            }
            else
            {
                var exec = (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0 ? "x" : "-";
                lines.Add($"file {relative} {exec} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
