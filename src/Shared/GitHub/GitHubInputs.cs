using System.Text.RegularExpressions;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.GitHub;

/// <summary>
/// The one binder for the GitHub inputs every action spells the same way: <c>github-api-url</c> (else
/// GITHUB_API_URL, else the description's documented default), <c>repository</c> (else GITHUB_REPOSITORY) and
/// <c>github-token</c> (else GITHUB_TOKEN). Whether a token or a repository is required is the action's call.
/// </summary>
public static partial class GitHubInputs
{
    public const string ApiUrlInput = "github-api-url";
    public const string RepositoryInput = "repository";
    public const string TokenInput = "github-token";
    public const string DefaultServerUrl = "https://github.com";
    public const string RepositoryExpected = "owner/name (letters, digits, _ . -)";

    public static GitHubSettings GetGitHubSettings(this ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);

        // The token goes to this address: plain http only where it never leaves the machine.
        var (apiText, apiSource) = inputs.GetOptionalInput(ApiUrlInput) is { } apiInput ? (apiInput, ApiUrlInput)
            : runner.ApiUrl is { } apiVariable ? (apiVariable, "GITHUB_API_URL")
            : (inputs.DocumentedDefault(ApiUrlInput), ApiUrlInput);
        if (!Uri.TryCreate(apiText, UriKind.Absolute, out var apiUrl) || !TokenAddress.IsSafe(apiUrl))
        {
            throw new InputException(apiSource, apiText, TokenAddress.Expected);
        }

        var (repository, repositorySource) = inputs.GetOptionalInput(RepositoryInput) is { } repositoryInput ? (repositoryInput, RepositoryInput)
            : (runner.Repository, "GITHUB_REPOSITORY");
        if (repository is not null && !RepositoryName().IsMatch(repository))
        {
            throw new InputException(repositorySource, repository, RepositoryExpected);
        }

        var token = inputs.GetOptionalInput(TokenInput) ?? runner.Get("GITHUB_TOKEN");
        return new GitHubSettings(apiUrl, repository, token, runner.ServerUrl ?? DefaultServerUrl);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex RepositoryName();
}
