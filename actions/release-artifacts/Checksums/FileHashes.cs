namespace Tailpaste.ReleaseArtifacts.Checksums;

/// <summary>SHA-256 of files by full path, each computed once (install.sh and the checksums both need the archive's).</summary>
public sealed class FileHashes
{
    private readonly Dictionary<string, string> _known = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Known => _known;

    public async Task<string> OfAsync(string file, CancellationToken cancellationToken = default)
    {
        if (!_known.TryGetValue(file, out var sha))
        {
            sha = await Sha256Digest.OfFileAsync(file, cancellationToken).ConfigureAwait(false);
            _known[file] = sha;
        }

        return sha;
    }

    public string? Find(string file) => _known.GetValueOrDefault(file);
}
