namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>Web links into the repository (commits, pull requests, compare views); none when the repository is unknown.</summary>
public sealed record RepositoryLinks(string ServerUrl, string? Repository)
{
    private string? Base => Repository is null ? null : $"{ServerUrl.TrimEnd('/')}/{Repository}";

    public string? Commit(string sha) => Base is null ? null : $"{Base}/commit/{sha}";

    public string? PullRequest(int number) => Base is null ? null : $"{Base}/pull/{number}";

    public string? Compare(string? from, string to) =>
        Base is null ? null : from is null ? $"{Base}/releases/tag/{to}" : $"{Base}/compare/{from}...{to}";

    public string? Download(string tag) => Base is null ? null : $"{Base}/releases/download/{tag}";
}
