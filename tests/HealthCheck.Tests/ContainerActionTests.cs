using System.Text.Json.Nodes;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// The action as the runner runs it: the actions image built from the root Dockerfile, workdir
/// <c>/github/workspace</c>, file commands under <c>/github/file_commands</c>, inputs as <c>INPUT_&lt;NAME&gt;</c>,
/// the Docker socket mounted — and no host path of the service in sight, so the database, logs, disk and history
/// can only be reached through the Docker API.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ContainerActionTests(PasteServiceFixture fixture) : IClassFixture<PasteServiceFixture>, IDisposable
{
    private readonly ContainerActionRunner _runner = new(fixture.Engine);

    public void Dispose() => _runner.Dispose();

    [Fact]
    public async Task In_the_actions_image_every_check_passes_through_the_docker_socket_and_the_history_lands_in_a_volume()
    {
        var service = await fixture.StartAsync();
        var volume = await fixture.Engine.CreateVolumeAsync("health-action-history");
        var inputs = new Dictionary<string, string>
        {
            ["service-url"] = service.Url.ToString().TrimEnd('/'),
            ["container-name"] = service.ContainerId,
            ["checks"] = "service, functionality, container, database, logs, disk",
            ["storage-path"] = "/data",
            ["container-labels"] = $"{DockerEngineFixture.TestRunLabel}={fixture.Engine.TestRunId}",
            ["disk-check-image"] = "mcr.microsoft.com/dotnet/runtime-deps:10.0",
            ["history-volume"] = volume,
        };

        var (first, report) = await RunAsync(inputs);
        var (_, secondReport) = await RunAsync(inputs);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("healthy", first.Outputs["status"]);
        Assert.Equal("/github/workspace/health-check-report.json", first.Outputs["report-path"]);
        Assert.NotNull(report);
        Assert.Equal("container:/data/pastes.db", report["metrics"]!["database"]!["source"]!.GetValue<string>());
        Assert.Equal(2, report["metrics"]!["disk"]!["filesystems"]!.AsArray().Count);
        Assert.StartsWith("container:", report["metrics"]!["logs"]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("| service | ✅ passed |", first.Summary, StringComparison.Ordinal);
        Assert.NotNull(secondReport);
        Assert.Equal(2, secondReport["history"]!["runs"]!.GetValue<long>());
        Assert.Equal($"volume:{volume}/history.db", secondReport["history"]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task In_the_actions_image_smoke_and_slo_pass_against_the_service_and_report_their_results()
    {
        var service = await fixture.StartAsync();
        var inputs = new Dictionary<string, string>
        {
            ["service-url"] = service.Url.ToString().TrimEnd('/'),
            ["checks"] = "smoke,slo",
            ["requests"] = "100",
            ["response-timeout"] = "20",

            // Far above any healthy answer: the test judges behaviour, not this machine's speed.
            ["slo"] = "p(95)<10000, rate<0.01",
            ["health-slo"] = "p(95)<10000",
        };

        var (run, report) = await RunAsync(inputs);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("healthy", run.Outputs["status"]);
        Assert.Equal(string.Empty, run.Outputs["smoke-failed-steps"]);
        Assert.NotNull(report);
        Assert.Equal("passed", report["checks"]!["smoke"]!["status"]!.GetValue<string>());
        Assert.Equal("passed", report["checks"]!["slo"]!["status"]!.GetValue<string>());
        Assert.Equal(100, report["metrics"]!["slo"]!["load"]!["requests"]!.GetValue<long>());
        Assert.Equal(["p(95)<10000", "rate<0.01"], report["metrics"]!["slo"]!["thresholds"]!.AsArray().Select(t => t!["threshold"]!.GetValue<string>()));
        Assert.Contains("### Smoke", run.Summary, StringComparison.Ordinal);
        Assert.Contains("| p(95)<10000 | health-slo | /healthz |", run.Summary, StringComparison.Ordinal);
    }

    private async Task<(ContainerActionRun Run, JsonNode? Report)> RunAsync(IReadOnlyDictionary<string, string> inputs)
    {
        var run = await _runner.RunAsync("health-check", inputs);
        var reportFile = Path.Combine(_runner.Workspace, "health-check-report.json");
        var report = File.Exists(reportFile) ? JsonNode.Parse(await File.ReadAllTextAsync(reportFile)) : null;
        File.Delete(reportFile);
        return (run, report);
    }
}
