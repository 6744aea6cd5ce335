namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>One commit as git log gives it.</summary>
public sealed record CommitRecord(string Sha, IReadOnlyList<string> Parents, string Author, DateTimeOffset Time, string Message)
{
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;

    public bool IsMerge => Parents.Count > 1;
}
