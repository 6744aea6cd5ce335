using Tailpaste.Deploy.Tests.Support;
using Tailpaste.HealthCheck;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Deploy.Tests;

/// <summary>
/// The circuit breaker on automatic redeploys, kept in the history store health-check shares: three failed
/// automatic deploys in a row open it; the next automatic deploy is refused and health-check's recover dispatches
/// nothing; a manual deploy run resets it, after which health-check dispatches again (WireMock as the GitHub API).
/// </summary>
[Trait("Category", "Docker")]
public sealed class CircuitBreakerTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Three_failed_automatic_redeploys_stop_recovery_until_a_manual_run()
    {
        using var github = new FakeGitHub();
        var service = await Deployment.CreateAsync(engine);
        var good = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:1.0.0", "ENV APP_VERSION=1.0.0");
        var crashing = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:1.1.0", "ENV FAULT_ERROR_RATE=banana");
        var (first, _) = await service.RunAsync(service.Inputs(good, "recreate"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var automatic = new Dictionary<string, string> { ["env"] = string.Empty, ["trigger"] = "automatic", ["health-timeout"] = "20s" };

        for (var i = 1; i <= 3; i++)
        {
            var (failed, report) = await service.RunAsync(service.Inputs(crashing, "recreate", automatic));
            Assert.True(failed.ExitCode == 1, failed.ToString());
            Assert.Equal("rolled-back", report!["outcome"]!.GetValue<string>());
            Assert.Equal(i == 3, report["circuit_breaker"]!["is_open"]!.GetValue<bool>());
        }

        var (refused, refusedReport) = await service.RunAsync(service.Inputs(good, "recreate", automatic));
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Equal("refused", refusedReport!["outcome"]!.GetValue<string>());
        Assert.Contains("3 failed automatic redeploys in a row", refused.Stdout, StringComparison.Ordinal);

        var blocked = await HealthCheckAsync(service, github);
        Assert.Equal("false", blocked.Outputs["recovery-dispatched"]);
        Assert.Contains("circuit breaker is open", blocked.Stdout + blocked.Summary, StringComparison.Ordinal);
        Assert.Empty(github.Dispatches);

        var (manual, manualReport) = await service.RunAsync(service.Inputs(good, "recreate", new Dictionary<string, string> { ["env"] = string.Empty, ["trigger"] = "manual" }));
        Assert.True(manual.ExitCode == 0, manual.ToString());
        Assert.False(manualReport!["circuit_breaker"]!["is_open"]!.GetValue<bool>());

        var allowed = await HealthCheckAsync(service, github);
        Assert.Equal("true", allowed.Outputs["recovery-dispatched"]);
        var dispatch = Assert.Single(github.Dispatches);
        Assert.Equal($"/repos/{FakeGitHub.Owner}/{FakeGitHub.Repository}/actions/workflows/deploy.yml/dispatches", dispatch.RequestMessage!.Path);
    }

    /// <summary>health-check with recover on the same history volume, against an address where nothing answers (so it is unhealthy and wants to recover).</summary>
    private async Task<SimulatedRun> HealthCheckAsync(Deployment service, FakeGitHub github)
    {
        using var runner = new SimulatedRunner("tailpaste-deploy-health-");
        var run = await runner.RunAsync(HealthCheckAction.Definition, new Dictionary<string, string>
        {
            ["service-url"] = "http://127.0.0.1:9",
            ["checks"] = "service",
            ["attempts"] = "1",
            ["readiness-path"] = string.Empty,
            ["history-volume"] = service.HistoryVolume,
            ["history-path"] = "history.db",
            ["disk-check-image"] = await engine.EnsureSampleImageAsync(),
            ["container-labels"] = $"{DockerEngineFixture.TestRunLabel}={engine.TestRunId}",
            ["docker-host"] = engine.DockerHost,
            ["recover"] = "true",
            ["recover-after"] = "1",
            ["recover-workflow"] = "deploy.yml",
            ["recover-ref"] = "main",
            ["repository"] = $"{FakeGitHub.Owner}/{FakeGitHub.Repository}",
            ["github-token"] = FakeGitHub.Token,
            ["github-api-url"] = github.ApiUrl,
        });
        Assert.True(run.ExitCode == 1, run.ToString());
        return run;
    }
}
