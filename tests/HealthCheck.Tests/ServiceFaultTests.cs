namespace Tailpaste.HealthCheck.Tests;

/// <summary>Each of the sample service's fault switches alone, and the checks that must notice it.</summary>
[Trait("Category", "Docker")]
public sealed class ServiceFaultTests(PasteServiceFixture fixture) : IClassFixture<PasteServiceFixture>
{
    [Fact]
    public async Task Added_latency_over_the_limit_makes_the_service_unhealthy_and_names_the_service_check()
    {
        var service = await fixture.StartAsync(new Dictionary<string, string> { ["FAULT_LATENCY_MS"] = "400" });
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "service, container";
        inputs["max-response-time-ms"] = "250";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy", run.Outputs["status"]);
        Assert.Equal("service", run.Outputs["failed-checks"]);
        Assert.Contains("over the limit of 250 ms", run.CheckMessage("service"), StringComparison.Ordinal);
        Assert.True(run.Report!["checks"]!["service"]!["value"]!.GetValue<double>() >= 400);
    }

    [Fact]
    public async Task A_share_of_500s_makes_the_service_unhealthy_and_sets_the_error_rate()
    {
        var service = await fixture.StartAsync(new Dictionary<string, string> { ["FAULT_ERROR_RATE"] = "1" });
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "service, functionality, container";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy", run.Outputs["status"]);
        Assert.Equal("service,functionality", run.Outputs["failed-checks"]);
        Assert.Equal("1", run.Outputs["error-rate"]);
        Assert.Contains("status 500", run.CheckMessage("service"), StringComparison.Ordinal);
        Assert.Equal("passed", run.CheckStatus("container"));
    }

    [Fact]
    public async Task Failing_readiness_makes_the_service_unhealthy_through_the_service_check_alone()
    {
        var service = await fixture.StartAsync(new Dictionary<string, string> { ["FAULT_READINESS_FAIL"] = "true" });
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "service, functionality";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("service", run.Outputs["failed-checks"]);
        Assert.Contains("not ready: /readyz gave status 503", run.CheckMessage("service"), StringComparison.Ordinal);
        Assert.Equal("0", run.Outputs["error-rate"]);
    }

    [Fact]
    public async Task A_stopped_container_makes_the_service_unhealthy_and_names_service_and_container()
    {
        var service = await fixture.StartAsync();
        await fixture.Engine.Client.Containers.StopContainerAsync(service.ContainerId, new Docker.DotNet.Models.ContainerStopParameters { WaitBeforeKillSeconds = 5 });
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "service, container";
        inputs["attempts"] = "1";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy", run.Outputs["status"]);
        Assert.Equal("service,container", run.Outputs["failed-checks"]);
        Assert.Contains("is exited", run.CheckMessage("container"), StringComparison.Ordinal);
        Assert.Contains("connection failure", run.CheckMessage("service"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_needs_a_token_passes_with_upload_token_fails_without_and_never_shows_it()
    {
        const string token = "tailpaste-upload-token-4f1c9e";
        var service = await fixture.StartAsync(new Dictionary<string, string> { ["UPLOAD_TOKEN"] = token });
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "functionality";

        var withoutToken = await ActionRun.RunAsync(inputs);
        inputs["upload-token"] = token;
        var withToken = await ActionRun.RunAsync(inputs);

        Assert.True(withoutToken.ExitCode == 1, withoutToken.ToString());
        Assert.Contains("creating a paste failed: status 403", withoutToken.CheckMessage("functionality"), StringComparison.Ordinal);
        Assert.True(withToken.ExitCode == 0, withToken.ToString());
        Assert.Equal("passed", withToken.CheckStatus("functionality"));
        var written = string.Join('\n', withToken.Stdout.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal))) + withToken.Report + withToken.Summary;
        Assert.DoesNotContain(token, written, StringComparison.Ordinal);
    }
}
