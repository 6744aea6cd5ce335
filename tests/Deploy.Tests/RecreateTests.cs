using Docker.DotNet.Models;
using Tailpaste.Deploy.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Deploy.Tests;

/// <summary>
/// recreate against the real engine: a good image replaces the container with its settings and data; an image that
/// fails its health check is replaced by the previous image and configuration again, with the data intact, exit 1.
/// </summary>
[Trait("Category", "Docker")]
public sealed class RecreateTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task A_good_image_replaces_the_container_and_keeps_its_data_and_settings()
    {
        var service = await Deployment.CreateAsync(engine);
        var v1 = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:1.0.0", "ENV APP_VERSION=1.0.0");
        var v2 = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:2.0.0", "ENV APP_VERSION=2.0.0");
        var (first, _) = await service.RunAsync(service.Inputs(v1, "recreate", new Dictionary<string, string> { ["env"] = Env(service) + "\nUPLOAD_TOKEN=s3cret-token-for-the-smoke-probe" }));
        Assert.True(first.ExitCode == 0, first.ToString());
        var paste = await PostWithTokenAsync(service, "kept across the recreate");

        // The second deploy gives no env: the running container's (port, token) are carried over.
        var (second, report) = await service.RunAsync(service.Inputs(v2, "recreate", new Dictionary<string, string> { ["env"] = string.Empty }));

        Assert.True(second.ExitCode == 0, second.ToString());
        // Registered as a secret (the runner's ::add-mask::), shown nowhere else.
        Assert.Contains("::add-mask::s3cret-token-for-the-smoke-probe", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Stdout.Split('\n').Where(line => !line.StartsWith("::add-mask::", StringComparison.Ordinal)), line => line.Contains("s3cret", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cret", second.Summary, StringComparison.Ordinal);
        Assert.Equal(v2, second.Outputs["deployed-image"]);
        Assert.Equal(v1, second.Outputs["previous-image"]);
        Assert.Equal("false", second.Outputs["rolled-back"]);
        Assert.Equal("kept across the recreate", await service.GetAsync(paste));
        var container = await engine.Client.Containers.InspectContainerAsync(service.Name);
        var config = Assert.IsType<ContainerConfig>(container.Config);
        Assert.Equal(v2, config.Image);
        Assert.Contains("APP_VERSION=2.0.0", config.Env!);
        Assert.Contains("UPLOAD_TOKEN=s3cret-token-for-the-smoke-probe", config.Env!);
        Assert.Equal("production", config.Labels!["environment"]);
        Assert.Contains(container.Mounts!, m => m.Name == service.DataVolume && m.Destination == "/data");
        Assert.Equal("succeeded", report!["outcome"]!.GetValue<string>());
        Assert.True(report["pre_cutover"]!["smoke"]!["passed"]!.GetValue<bool>());
        Assert.Single(await service.ContainersAsync());
    }

    [Fact]
    public async Task An_image_that_fails_its_health_check_is_replaced_by_the_previous_one_and_the_data_stays()
    {
        var service = await Deployment.CreateAsync(engine);
        var v1 = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:1.0.0", "ENV APP_VERSION=1.0.0");
        var broken = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:1.1.0", "ENV APP_VERSION=1.1.0", "ENV FAULT_READINESS_FAIL=true");
        var (first, _) = await service.RunAsync(service.Inputs(v1, "recreate"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var paste = await service.PostAsync("survives the failed deploy");

        var (second, report) = await service.RunAsync(service.Inputs(broken, "recreate", new Dictionary<string, string> { ["env"] = string.Empty, ["health-timeout"] = "8s" }));

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Equal("true", second.Outputs["rolled-back"]);
        Assert.Contains("/readyz did not answer 2xx", second.Outputs["rollback-reason"], StringComparison.Ordinal);
        Assert.Equal(v1, second.Outputs["deployed-image"]);
        var container = await engine.Client.Containers.InspectContainerAsync(service.Name);
        Assert.Equal(v1, container.Config!.Image);
        Assert.True(container.State!.Running);
        Assert.Equal("survives the failed deploy", await service.GetAsync(paste));
        Assert.Equal(200, await service.StatusAsync());
        Assert.Equal("rolled-back", report!["outcome"]!.GetValue<string>());
        Assert.Single(await service.ContainersAsync());
        var record = await service.RecordAsync();
        Assert.Equal(v1, record!.LiveImage);
        Assert.Equal(Record.DeployPhase.Steady, record.Phase);
    }

    private static string Env(Deployment service) => service.Inputs("x", "recreate")["env"];

    private static async Task<string> PostWithTokenAsync(Deployment service, string content)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, service.Url) { Content = new StringContent(content) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret-token-for-the-smoke-probe");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var link = (await response.Content.ReadAsStringAsync()).Trim();
        return link[(link.LastIndexOf('/') + 1)..];
    }
}
