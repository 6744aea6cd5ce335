using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tailpaste.Deploy.Record;
using Tailpaste.Deploy.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Deploy.Tests;

/// <summary>
/// A blue-green deploy of the sample service behind the real nginx proxy, with a client hammering the proxy the
/// whole time: the cut-over from one version to the next loses no request, the new version serves, the old slot
/// is drained and removed, every container carries the production labels, and the history shows the deploy.
/// </summary>
[Trait("Category", "Docker")]
public sealed class BlueGreenTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task A_good_cut_over_under_load_loses_no_request()
    {
        var service = await Deployment.CreateAsync(engine);
        var v1 = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:1.0.0", "ENV APP_VERSION=1.0.0", "LABEL org.opencontainers.image.version=1.0.0");
        var v2 = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:2.0.0", "ENV APP_VERSION=2.0.0", "LABEL org.opencontainers.image.version=2.0.0", "LABEL org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567");
        var (first, _) = await service.RunAsync(service.Inputs(v1));
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("blue", first.Outputs["live-slot"]);
        var paste = await service.PostAsync("written before the second deploy");

        List<HammerRequest> requests;
        IReadOnlySet<string> workers;
        (Tailpaste.TestKit.Runner.SimulatedRun Run, JsonNode? Report) second;
        await using (var watch = new ProxyWorkerWatch(engine.Client, $"{service.Name}-proxy"))
        await using (var hammer = new Hammer(service.Url))
        {
            second = await service.RunAsync(service.Inputs(v2));
            requests = [.. await hammer.StopAsync()];
            workers = await watch.StopAsync();
        }

        Assert.True(second.Run.ExitCode == 0, second.Run.ToString());
        Assert.Equal("green", second.Run.Outputs["live-slot"]);
        Assert.Equal(v2, second.Run.Outputs["deployed-image"]);
        Assert.Equal(v1, second.Run.Outputs["previous-image"]);
        Assert.Equal("false", second.Run.Outputs["rolled-back"]);
        Assert.Equal("0", second.Run.Outputs["downtime-ms"]);
        Assert.NotEmpty(second.Run.Outputs["cutover-at"]);
        var cutover = DateTimeOffset.Parse(second.Run.Outputs["cutover-at"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(requests, r => r.Start < cutover);
        Assert.Contains(requests, r => r.Start > cutover);
        Assert.True(requests.Count > 100, $"only {requests.Count} requests were made");
        // The hammer sends a GET lost on a kept-alive connection (before any answer byte) once more, as browsers, curl
        // and Go do: a reload closes idle kept-alive connections. A 5xx or a request lost otherwise fails the test.
        var timeline = CutoverTimeline.FromReport(second.Report!);
        var troubled = requests.Where(r => r.First.Status is not 200 || r.Resent is not null).ToList();
        Assert.True(requests.All(r => r.Status is 200), $"requests failed through the cut-over:\n{timeline.Explain(troubled)}");

        // Each reload closes users' idle kept-alive connections: the cut-over is the only one (the worker before it and the one after).
        Assert.True(workers.Count == 2, $"the proxy ran {workers.Count} workers ({string.Join(", ", workers)}) through the deploy:\n{timeline.Explain([])}");
        Assert.Single(timeline.Changes, c => c.Reloaded);

        using var http = new HttpClient();
        var version = await http.GetFromJsonAsync<JsonObject>(new Uri(service.Url, "version"));
        Assert.Equal("2.0.0", version!["version"]!.GetValue<string>());
        Assert.Equal("written before the second deploy", await service.GetAsync(paste));
        Assert.Equal([$"{service.Name}-green"], await service.RunningSlotsAsync());
        var containers = await service.ContainersAsync();
        Assert.Equal(2, containers.Count); // green and the proxy; blue is gone
        foreach (var container in containers.Values)
        {
            Assert.Equal("production", container.Labels!["environment"]);
            Assert.Equal("deploy", container.Labels!["managed-by"]);
        }

        // The proxy keeps the labels of the deploy that created it; the slot carries this one's.
        var green = containers[$"{service.Name}-green"];
        foreach (var container in new[] { green })
        {
            Assert.Equal("2.0.0", container.Labels!["org.opencontainers.image.version"]);
            Assert.Equal("2.0.0", container.Labels!["tailpaste.version"]);
            Assert.Equal("0123456789abcdef0123456789abcdef01234567", container.Labels!["tailpaste.commit"]);
            Assert.Equal("0123456789abcdef0123456789abcdef01234567", container.Labels!["org.opencontainers.image.revision"]);
        }

        var record = await service.RecordAsync();
        Assert.NotNull(record);
        Assert.Equal(DeployPhase.Steady, record.Phase);
        Assert.Equal("green", record.LiveSlot);
        Assert.Equal(v2, record.LiveImage);
        Assert.Equal(v1, record.PreviousImage);
        Assert.Matches("^[0-9a-f]{64}$", record.ConfigHash!);

        var report = second.Report!;
        Assert.Equal("succeeded", report["outcome"]!.GetValue<string>());
        Assert.True(report["verify"]!["passed"]!.GetValue<bool>());
        Assert.True(report["verify"]!["user_requests"]!.GetValue<long>() > 0, "the proxy's access log gave no users' requests");
        Assert.True(report["drain"]!["drained_in_time"]!.GetValue<bool>());
        Assert.Equal(0, report["drain"]!["cut_at_deadline"]!.GetValue<long>());
        Assert.Equal(2, report["metrics"]!["deploys"]!.GetValue<int>());
        Assert.Contains("```mermaid", second.Run.Summary, StringComparison.Ordinal);
        Assert.Contains("xychart-beta", second.Run.Summary, StringComparison.Ordinal);
        Assert.Contains("in flight", second.Run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_routes_survive_the_loss_of_the_proxy_container()
    {
        var service = await Deployment.CreateAsync(engine);
        var image = await engine.EnsureSampleImageAsync();
        var (first, _) = await service.RunAsync(service.Inputs(image));
        Assert.True(first.ExitCode == 0, first.ToString());

        // A restart reads the routes from the deploy volume.
        await engine.Client.Containers.RestartContainerAsync($"{service.Name}-proxy", new Docker.DotNet.Models.ContainerRestartParameters { WaitBeforeKillSeconds = 5 });
        Assert.Equal(200, await WaitForStatusAsync(service));

        // A proxy removed outright is created again from the record by the next run.
        await engine.Client.Containers.RemoveContainerAsync($"{service.Name}-proxy", new Docker.DotNet.Models.ContainerRemoveParameters { Force = true });
        Assert.Null(await service.StatusAsync());
        var (second, report) = await service.RunAsync(service.Inputs(image));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("created again with the record's routes", report!["recovered"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, await service.StatusAsync());
    }

    private static async Task<int?> WaitForStatusAsync(Deployment service)
    {
        int? status = null;
        for (var i = 0; i < 100 && status != 200; i++)
        {
            status = await service.StatusAsync();
            await Task.Delay(100);
        }

        return status;
    }
}
