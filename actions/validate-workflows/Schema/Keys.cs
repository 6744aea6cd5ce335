namespace Tailpaste.ValidateWorkflows.Schema;

/// <summary>The keys each section of a workflow or action.yml allows (GitHub's workflow syntax, case-sensitive).</summary>
public static class Keys
{
    // "description" (workflow), "snapshot" and "cancel-timeout-minutes" (job) are in GitHub's own workflow schema
    // (actions/languageservices workflow-v1.0.json) though not yet in the syntax reference.
    public static IReadOnlyList<string> Workflow { get; } = ["concurrency", "defaults", "description", "env", "jobs", "name", "on", "permissions", "run-name"];

    public static IReadOnlyList<string> Job { get; } =
        ["cancel-timeout-minutes", "concurrency", "container", "continue-on-error", "defaults", "env", "environment", "if", "name", "needs", "outputs", "permissions", "runs-on", "services", "snapshot", "steps", "strategy", "timeout-minutes"];

    public static IReadOnlyList<string> CallJob { get; } = ["concurrency", "if", "name", "needs", "permissions", "secrets", "strategy", "uses", "with"];

    public static IReadOnlyList<string> Step { get; } =
        ["continue-on-error", "env", "id", "if", "name", "run", "shell", "timeout-minutes", "uses", "with", "working-directory"];

    public static IReadOnlyList<string> Strategy { get; } = ["fail-fast", "matrix", "max-parallel"];

    public static IReadOnlyList<string> Container { get; } = ["credentials", "env", "image", "options", "ports", "volumes"];

    // Service containers may override the image's entrypoint and command (GitHub, 2025).
    public static IReadOnlyList<string> Service { get; } = ["command", "credentials", "entrypoint", "env", "image", "options", "ports", "volumes"];

    public static IReadOnlyList<string> Credentials { get; } = ["password", "username"];

    // "deployment: false" uses the environment's secrets and rules without creating a deployment (GitHub, 2025).
    public static IReadOnlyList<string> Environment { get; } = ["deployment", "name", "url"];

    public static IReadOnlyList<string> RunsOn { get; } = ["group", "labels"];

    // A job's snapshot (custom images, GitHub 2025): a name, or a mapping with image-name and optional version and if.
    public static IReadOnlyList<string> Snapshot { get; } = ["if", "image-name", "version"];

    public static IReadOnlyList<string> Defaults { get; } = ["run"];

    public static IReadOnlyList<string> DefaultsRun { get; } = ["shell", "working-directory"];

    // "queue" (max or single) lets runs wait in line instead of being cancelled (GitHub, 2026).
    public static IReadOnlyList<string> Concurrency { get; } = ["cancel-in-progress", "group", "queue"];

    public static IReadOnlyList<string> DispatchInput { get; } = ["default", "description", "options", "required", "type"];

    public static IReadOnlyList<string> CallInput { get; } = ["default", "description", "required", "type"];

    public static IReadOnlyList<string> CallOutput { get; } = ["description", "value"];

    public static IReadOnlyList<string> CallSecret { get; } = ["description", "required"];

    public static IReadOnlyList<string> Schedule { get; } = ["cron", "timezone"];

    public static IReadOnlyList<string> Action { get; } = ["author", "branding", "description", "inputs", "name", "outputs", "runs"];

    public static IReadOnlyList<string> ActionInput { get; } = ["default", "deprecationMessage", "description", "required"];

    public static IReadOnlyList<string> ActionOutput { get; } = ["description", "value"];

    public static IReadOnlyList<string> Branding { get; } = ["color", "icon"];

    public static IReadOnlyList<string> DockerRuns { get; } = ["args", "entrypoint", "env", "image", "post-entrypoint", "post-if", "pre-entrypoint", "pre-if", "using"];

    public static IReadOnlyList<string> NodeRuns { get; } = ["main", "post", "post-if", "pre", "pre-if", "using"];

    public static IReadOnlyList<string> CompositeRuns { get; } = ["steps", "using"];

    public static IReadOnlyList<string> CompositeStep { get; } =
        ["continue-on-error", "env", "id", "if", "name", "run", "shell", "uses", "with", "working-directory"];
}
