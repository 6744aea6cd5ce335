namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>The locations of a workflow and of action.yml with their available contexts and special functions.</summary>
public static class ExpressionLocations
{
    private const string Statuses = "always cancelled success failure";
    private const string StepAll = "github needs strategy matrix job runner env vars secrets steps inputs";

    public static ExpressionLocation RunName { get; } = ExpressionLocation.Of("run-name", "github inputs vars");

    public static ExpressionLocation WorkflowEnv { get; } = ExpressionLocation.Of("env", "github secrets inputs vars");

    public static ExpressionLocation WorkflowConcurrency { get; } = ExpressionLocation.Of("concurrency", "github inputs vars");

    /// <summary>
    /// Keys GitHub reads before any context exists (the workflow's name and defaults, event filters and input
    /// descriptions, a job's needs, a step's id and shell): an expression there can use no context.
    /// </summary>
    public static ExpressionLocation NoContext { get; } = ExpressionLocation.Of("a key read before any context exists", string.Empty);

    public static ExpressionLocation CallInputDefault { get; } = ExpressionLocation.Of("on.workflow_call.inputs.<input_id>.default", "github inputs vars");

    public static ExpressionLocation CallOutputValue { get; } = ExpressionLocation.Of("on.workflow_call.outputs.<output_id>.value", "github jobs vars inputs");

    public static ExpressionLocation JobIf { get; } = ExpressionLocation.Of("jobs.<job_id>.if", "github needs vars inputs", Statuses, implicitExpression: true);

    public static ExpressionLocation JobName { get; } = ExpressionLocation.Of("jobs.<job_id>.name", "github needs strategy matrix vars inputs");

    public static ExpressionLocation JobRunsOn { get; } = ExpressionLocation.Of("jobs.<job_id>.runs-on", "github needs strategy matrix vars inputs");

    public static ExpressionLocation JobEnvironment { get; } = ExpressionLocation.Of("jobs.<job_id>.environment", "github needs strategy matrix vars inputs");

    public static ExpressionLocation JobEnvironmentUrl { get; } = ExpressionLocation.Of("jobs.<job_id>.environment.url", "github needs strategy matrix job runner env vars steps inputs");

    public static ExpressionLocation JobConcurrency { get; } = ExpressionLocation.Of("jobs.<job_id>.concurrency", "github needs strategy matrix vars inputs");

    public static ExpressionLocation JobOutputs { get; } = ExpressionLocation.Of("jobs.<job_id>.outputs.<output_id>", "github needs strategy matrix job runner env vars secrets steps inputs");

    public static ExpressionLocation JobEnv { get; } = ExpressionLocation.Of("jobs.<job_id>.env", "github needs strategy matrix vars secrets inputs");

    public static ExpressionLocation JobDefaults { get; } = ExpressionLocation.Of("jobs.<job_id>.defaults.run", "github needs strategy matrix env vars inputs");

    public static ExpressionLocation JobTimeout { get; } = ExpressionLocation.Of("jobs.<job_id>.timeout-minutes", "github needs strategy matrix vars inputs");

    public static ExpressionLocation JobContinueOnError { get; } = ExpressionLocation.Of("jobs.<job_id>.continue-on-error", "github needs strategy matrix vars inputs");

    public static ExpressionLocation JobStrategy { get; } = ExpressionLocation.Of("jobs.<job_id>.strategy", "github needs vars inputs");

    public static ExpressionLocation Container { get; } = ExpressionLocation.Of("jobs.<job_id>.container", "github needs strategy matrix vars inputs");

    public static ExpressionLocation ContainerCredentials { get; } = ExpressionLocation.Of("jobs.<job_id>.container.credentials", "github needs strategy matrix env vars secrets inputs");

    public static ExpressionLocation ContainerEnv { get; } = ExpressionLocation.Of("jobs.<job_id>.container.env", "github needs strategy matrix job runner env vars secrets inputs");

    public static ExpressionLocation CallWith { get; } = ExpressionLocation.Of("jobs.<job_id>.with", "github needs strategy matrix inputs vars");

    public static ExpressionLocation CallSecrets { get; } = ExpressionLocation.Of("jobs.<job_id>.secrets", "github needs strategy matrix secrets inputs vars");

    public static ExpressionLocation StepIf { get; } = ExpressionLocation.Of("jobs.<job_id>.steps.if", "github needs strategy matrix job runner env vars steps inputs", Statuses + " hashFiles", implicitExpression: true);

    public static ExpressionLocation Step { get; } = ExpressionLocation.Of("jobs.<job_id>.steps", StepAll, "hashFiles");

    public static ExpressionLocation ActionStepIf { get; } = ExpressionLocation.Of("runs.steps.if", "github env inputs steps runner job strategy matrix", Statuses + " hashFiles", implicitExpression: true);

    public static ExpressionLocation ActionRuns { get; } = ExpressionLocation.Of("runs", "github env inputs steps runner job strategy matrix", "hashFiles");

    public static ExpressionLocation ActionOutputValue { get; } = ExpressionLocation.Of("outputs.<output_id>.value", "github steps inputs env runner job strategy matrix");

    public static ExpressionLocation ActionInputDefault { get; } = ExpressionLocation.Of("inputs.<input_id>.default", "github env runner job strategy matrix inputs steps vars");
}
