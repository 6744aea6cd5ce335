using Octokit;
using Octokit.Internal;

namespace Tailpaste.HealthCheck.Recovery;

/// <summary>Dispatches the recovery workflow through Octokit: <c>POST /repos/{owner}/{repo}/actions/workflows/{workflow}/dispatches</c>.</summary>
public static class WorkflowDispatcher
{
    public static async Task DispatchAsync(RecoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // A Connection keeps the base address as given (GitHubClient would add /api/v3/ to any non-github.com host,
        // while GITHUB_API_URL on GitHub Enterprise Server already ends in /api/v3).
        var baseAddress = options.ApiUrl.AbsoluteUri.EndsWith('/') ? options.ApiUrl : new Uri(options.ApiUrl.AbsoluteUri + "/");
        var connection = new Connection(new ProductHeaderValue("tailpaste-health-check"), baseAddress, new InMemoryCredentialStore(new Credentials(options.Token)));
        var client = new GitHubClient(connection);
        var dispatch = new CreateWorkflowDispatch(options.Ref)
        {
            Inputs = options.Inputs.ToDictionary(pair => pair.Key, pair => (object)pair.Value),
        };
        await client.Actions.Workflows.CreateDispatch(options.Owner, options.Repository, options.Workflow, dispatch).ConfigureAwait(false);
    }
}
