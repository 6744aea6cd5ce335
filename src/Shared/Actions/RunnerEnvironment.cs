namespace Tailpaste.Shared.Actions;

/// <summary>
/// What the runner tells a step through environment variables, read once by the entry point and
/// handed to the code as plain values.
/// </summary>
public sealed record RunnerEnvironment
{
    /// <summary>True inside a GitHub Actions run (GITHUB_ACTIONS=true).</summary>
    public bool IsActions { get; init; }

    public bool IsDebug { get; init; }

    public string? OutputFile { get; init; }

    public string? StateFile { get; init; }

    public string? EnvFile { get; init; }

    public string? PathFile { get; init; }

    public string? StepSummaryFile { get; init; }

    public string? Workspace { get; init; }

    public string? Repository { get; init; }

    public string? Ref { get; init; }

    public string? Sha { get; init; }

    public string? EventName { get; init; }

    public string? ApiUrl { get; init; }

    public string? ServerUrl { get; init; }

    /// <summary>Values saved by an earlier phase of this action (STATE_name).</summary>
    public IReadOnlyDictionary<string, string> State { get; init; } = new Dictionary<string, string>();

    /// <summary>Every variable, for the few lookups an action's entry point makes itself (TAILPASTE_URL, DOCKER_HOST...).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public string? Get(string name) => Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static RunnerEnvironment FromVariables(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Get(string name) => variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        return new RunnerEnvironment
        {
            IsActions = string.Equals(Get("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase),
            IsDebug = Get("RUNNER_DEBUG") == "1",
            OutputFile = Get("GITHUB_OUTPUT"),
            StateFile = Get("GITHUB_STATE"),
            EnvFile = Get("GITHUB_ENV"),
            PathFile = Get("GITHUB_PATH"),
            StepSummaryFile = Get("GITHUB_STEP_SUMMARY"),
            Workspace = Get("GITHUB_WORKSPACE"),
            Repository = Get("GITHUB_REPOSITORY"),
            Ref = Get("GITHUB_REF"),
            Sha = Get("GITHUB_SHA"),
            EventName = Get("GITHUB_EVENT_NAME"),
            ApiUrl = Get("GITHUB_API_URL"),
            ServerUrl = Get("GITHUB_SERVER_URL"),
            State = variables.Where(kv => kv.Key.StartsWith("STATE_", StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key["STATE_".Length..], kv => kv.Value, StringComparer.Ordinal),
            Variables = variables,
        };
    }

    /// <summary>The current process's variables, as a dictionary (entry points only).</summary>
    public static IReadOnlyDictionary<string, string> ProcessVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? string.Empty, StringComparer.Ordinal);
}
