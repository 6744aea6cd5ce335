namespace Tailpaste.Shared.GitHub;

/// <summary>Where an action talks to GitHub, which repository, and with which token.</summary>
/// <param name="ApiUrl">The REST API base, checked safe for the token (<see cref="TokenAddress"/>).</param>
/// <param name="Repository">owner/name; null when neither the input nor GITHUB_REPOSITORY gave one.</param>
/// <param name="Token">The token; null when neither the input nor GITHUB_TOKEN gave one.</param>
/// <param name="ServerUrl">The web address (GITHUB_SERVER_URL, else https://github.com), for links.</param>
public sealed record GitHubSettings(Uri ApiUrl, string? Repository, string? Token, string ServerUrl)
{
    /// <summary>The owner part of <see cref="Repository"/>.</summary>
    public string? Owner => Repository?.Split('/')[0];

    /// <summary>The name part of <see cref="Repository"/>.</summary>
    public string? Name => Repository?.Split('/')[1];
}
