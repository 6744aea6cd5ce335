using Tailpaste.Shared.Actions;
using Tailpaste.Shared.GitHub;

namespace Tailpaste.HealthCheck.Recovery;

/// <summary>The recover-* inputs and the GitHub settings; null unless <c>recover</c> is true. Every input is read either way.</summary>
public static class RecoveryBinder
{
    public static RecoveryOptions? Bind(ActionInputs inputs, RunnerEnvironment runner, bool keepsHistory)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var enabled = inputs.GetBoolInput("recover");
        var after = inputs.GetIntInput("recover-after", 1, 1000);
        var cooldown = inputs.GetDurationInput("recover-cooldown");
        var workflow = inputs.GetInput("recover-workflow", required: true);
        var gitRef = inputs.GetOptionalInput("recover-ref") ?? runner.Ref ?? inputs.DocumentedDefault("recover-ref");
        var dispatchInputs = ParsePairs(inputs, "recover-inputs");
        var github = inputs.GetGitHubSettings(runner);
        if (!enabled)
        {
            return null;
        }

        if (!keepsHistory)
        {
            throw inputs.Invalid("history-path", string.Empty, "a file path (or history-volume) when recover is true: consecutive failures and the cooldown are counted in the history");
        }

        if (github.Repository is null)
        {
            throw new InputException(GitHubInputs.RepositoryInput, null, $"{GitHubInputs.RepositoryExpected} (or GITHUB_REPOSITORY set by the runner) when recover is true");
        }

        var token = github.Token ?? throw new InputException(GitHubInputs.TokenInput, null, "a token allowed to dispatch workflows (actions: write) when recover is true");
        return new RecoveryOptions(after, cooldown, workflow, gitRef, dispatchInputs, github.Owner!, github.Name!, token, github.ApiUrl);
    }

    private static Dictionary<string, string> ParsePairs(ActionInputs inputs, string name)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in inputs.GetListInput(name))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw inputs.Invalid(name, inputs.GetInput(name), $"key=value pairs separated by commas or new lines; '{item}' has no key=");
            }

            pairs[item[..equals].Trim()] = item[(equals + 1)..].Trim();
        }

        return pairs;
    }
}
