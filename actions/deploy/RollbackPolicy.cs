using Tailpaste.Deploy.Verification;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Deploy;

/// <summary>When a blue-green deploy is rolled back: what the live watch after the switch measures, and the limits it must stay under.</summary>
/// <param name="VerifyWindow">How long the live URL is watched after the cut-over, the previous version still running.</param>
/// <param name="VerifyRate">Requests per second of the action's own probe through the proxy during the watch.</param>
/// <param name="ErrorRate">Share 0..1 of failed requests past which the deploy is rolled back.</param>
/// <param name="P95Ms">The 95th percentile latency past which the deploy is rolled back.</param>
/// <param name="LogErrorsAfterDeploy">Error lines the new container may log during the watch before the deploy is rolled back.</param>
/// <param name="LogErrorsAfterRollback">Error lines the restored version may log before the rollback is reported as failed too.</param>
/// <param name="RollbackVerifyWindow">How long the restored version is watched after a rollback; zero does not watch it.</param>
public sealed record RollbackPolicy(
    TimeSpan VerifyWindow, int VerifyRate, double ErrorRate, double P95Ms, int LogErrorsAfterDeploy, int LogErrorsAfterRollback, TimeSpan RollbackVerifyWindow)
{
    public static RollbackPolicy Bind(ActionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new RollbackPolicy(
            inputs.GetDurationInput("verify-window", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            inputs.GetIntInput("verify-rate", 1, 100),
            inputs.GetDoubleInput("rollback-error-rate", 0, 100) / 100,
            inputs.GetDoubleInput("rollback-p95-ms", 1, 600_000),
            inputs.GetIntInput("log-errors-after-deploy", 0, 1_000_000),
            inputs.GetIntInput("log-errors-after-rollback", 0, 1_000_000),
            inputs.GetDurationInput("rollback-verify-window", TimeSpan.Zero, TimeSpan.FromHours(1)));
    }

    /// <summary>The watch after the switch (<paramref name="logErrors"/> from the deploy's or the rollback's limit).</summary>
    public WatchSettings Watch(TimeSpan length, int logErrors) => new(length, VerifyRate, ErrorRate, P95Ms, logErrors);
}
