using Octokit;
using Tailpaste.Shared.GitHub;

namespace Tailpaste.HealthCheck.Recovery;

/// <summary>Dispatches the recovery workflow through Octokit: <c>POST /repos/{owner}/{repo}/actions/workflows/{workflow}/dispatches</c>.</summary>
public static class WorkflowDispatcher
{
    public static async Task DispatchAsync(RecoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var client = GitHubClientFactory.Create(options.ApiUrl, options.Token, "tailpaste-health-check");
        var dispatch = new CreateWorkflowDispatch(options.Ref)
        {
            Inputs = options.Inputs.ToDictionary(pair => pair.Key, pair => (object)pair.Value),
        };
        await client.Actions.Workflows.CreateDispatch(options.Owner, options.Repository, options.Workflow, dispatch).ConfigureAwait(false);
    }
}
