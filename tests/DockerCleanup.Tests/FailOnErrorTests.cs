using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// A removal the engine refuses (here: a 500 injected in front of the real engine) is a warning annotation
/// and a summary row with the reason, exit 0 by default; with fail-on-error it is an error and exit 1.
/// Either way the other removals go ahead.
/// </summary>
public sealed class FailOnErrorTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Theory]
    [InlineData("false", 0, "::warning")]
    [InlineData("true", 1, "::error")]
    public async Task A_refused_removal_is_reported_and_fails_the_step_only_with_fail_on_error(string failOnError, int exitCode, string annotation)
    {
        await using var population = new Population(engine.Client);
        var labels = population.Labels("environment=testing", "managed-by=ci");
        var refused = await population.CreateVolumeAsync("volume-refused", labels);
        var removable = await population.CreateVolumeAsync("volume-ok", labels);
        var image = await population.LoadImageAsync("image-plain", new Dictionary<string, string>());
        var container = await population.CreateContainerAsync("container-ok", image, labels);
        await using var proxy = new FaultingEngineProxy(engine.Endpoint, refused);

        var run = await ActionRun.StartAsync(proxy.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "false",
            ["fail-on-error"] = failOnError,
        });

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Equal(1, proxy.Faults);
        Assert.True(await population.ExistsAsync(ResourceKind.Volumes, refused), "the refused volume is still there");
        Assert.False(await population.ExistsAsync(ResourceKind.Volumes, removable), "the other volume went all the same");
        Assert.False(await population.ExistsAsync(ResourceKind.Containers, container), "the container went all the same");

        var annotationLine = Assert.Single(run.Stdout.Split('\n'), line => line.StartsWith(annotation, StringComparison.Ordinal) && line.Contains("Could not remove", StringComparison.Ordinal));
        Assert.Contains($"Could not remove volume {refused}", annotationLine, StringComparison.Ordinal);
        Assert.Contains(FaultingEngineProxy.InjectedMessage, annotationLine, StringComparison.Ordinal);

        var row = Assert.Single(run.Rows(ResourceKind.Volumes), r => r.Id == refused);
        Assert.Equal("failed", row.Outcome);
        Assert.Contains("500", row.Reason, StringComparison.Ordinal);
        Assert.Contains(FaultingEngineProxy.InjectedMessage, row.Reason, StringComparison.Ordinal);
        Assert.Contains(run.Summary.Split('\n'), line => line.Contains(refused, StringComparison.Ordinal) && line.Contains("failed: the engine answered 500", StringComparison.Ordinal));
        Assert.Equal("1", run.Outputs["removed-volumes"]);
        Assert.Equal("1", run.Outputs["removed-containers"]);
        Assert.Equal(exitCode == 1, run.Stdout.Contains("fail-on-error is true", StringComparison.Ordinal));
    }
}
