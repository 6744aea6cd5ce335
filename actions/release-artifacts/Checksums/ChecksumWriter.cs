using Tailpaste.Shared.IO;

namespace Tailpaste.ReleaseArtifacts.Checksums;

/// <summary>Writes <c>&lt;file&gt;.sha256</c> next to each artifact and one <c>SHA256SUMS</c> listing them all.</summary>
public static class ChecksumWriter
{
    public const string SumsFileName = "SHA256SUMS";

    public static async Task<IReadOnlyList<ChecksumLine>> WriteAsync(string directory, IReadOnlyList<string> files, IReadOnlyDictionary<string, string>? known = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var lines = new List<ChecksumLine>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var sha = known is not null && known.TryGetValue(file, out var cached) ? cached : await Sha256Digest.OfFileAsync(file, cancellationToken).ConfigureAwait(false);
            var line = new ChecksumLine(sha, name);
            await AtomicFile.WriteAllTextAsync(Path.Combine(directory, name + ".sha256"), line.ToString(), cancellationToken).ConfigureAwait(false);
            lines.Add(line);
        }

        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, SumsFileName), string.Concat(lines.OrderBy(l => l.FileName, StringComparer.Ordinal)), cancellationToken).ConfigureAwait(false);
        return lines;
    }
}
