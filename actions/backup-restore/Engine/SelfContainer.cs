using System.Text.RegularExpressions;
using Tailpaste.Shared.IO;

namespace Tailpaste.BackupRestore.Engine;

/// <summary>
/// Finds which container this process runs in, so the action can start its helpers from its own image: Docker
/// bind-mounts each container's hostname, hosts and resolv.conf files from <c>…/containers/&lt;id&gt;/</c>, and
/// those paths show in <c>/proc/self/mountinfo</c> whatever the network mode. Only candidates: the engine is
/// asked which of them it knows.
/// </summary>
public static partial class SelfContainer
{
    public const string MountInfoPath = "/proc/self/mountinfo";

    private const long MaxBytes = 1024 * 1024;

    /// <summary>The candidate ids in this process's mount table; empty outside a container or off Linux.</summary>
    public static IReadOnlyList<string> ReadCandidateIds()
    {
        var entry = FileEntry.Of(MountInfoPath);
        if (entry.Kind != FileKind.RegularFile || entry.Size > MaxBytes)
        {
            return [];
        }

        try
        {
            return CandidateIds(File.ReadAllText(MountInfoPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static IReadOnlyList<string> CandidateIds(string mountInfo) =>
        ContainerFolder().Matches(mountInfo ?? string.Empty).Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex("/containers/(?<id>[0-9a-f]{64})/", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerFolder();
}
