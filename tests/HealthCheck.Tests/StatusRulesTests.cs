using Tailpaste.HealthCheck.Checks;
using Tailpaste.HealthCheck.Reporting;

namespace Tailpaste.HealthCheck.Tests;

public sealed class StatusRulesTests
{
    [Theory]
    [InlineData("", OverallStatus.Healthy)]
    [InlineData("database", OverallStatus.Degraded)]
    [InlineData("logs,disk,tailscale", OverallStatus.Degraded)]
    [InlineData("service", OverallStatus.Unhealthy)]
    [InlineData("functionality", OverallStatus.Unhealthy)]
    [InlineData("container,logs", OverallStatus.Unhealthy)]
    public void Critical_failures_make_unhealthy_others_degraded(string failed, OverallStatus expected)
    {
        var failedNames = failed.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var results = CheckNames.All.Select(name => new CheckResult
        {
            Name = name,
            Status = failedNames.Contains(name) ? CheckStatus.Failed : CheckStatus.Passed,
            Message = "m",
        });

        Assert.Equal(expected, StatusRules.Overall(results));
    }

    [Theory]
    [InlineData(OverallStatus.Healthy, FailOn.Degraded, 0)]
    [InlineData(OverallStatus.Degraded, FailOn.Degraded, 1)]
    [InlineData(OverallStatus.Unhealthy, FailOn.Degraded, 1)]
    [InlineData(OverallStatus.Degraded, FailOn.Unhealthy, 0)]
    [InlineData(OverallStatus.Unhealthy, FailOn.Unhealthy, 1)]
    public void Exit_code_follows_fail_on(OverallStatus status, FailOn failOn, int exit)
    {
        Assert.Equal(exit, StatusRules.ExitCode(status, failOn));
    }
}
