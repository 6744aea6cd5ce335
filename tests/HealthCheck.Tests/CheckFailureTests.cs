using System.Formats.Tar;
using System.Text;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// A check that cannot run (an answer it does not understand, a fault in the check itself) fails alone: the run
/// reports it with a clear message next to every other check's result, and ends with the usual exit code.
/// </summary>
[Trait("Category", "Docker")]
public sealed class CheckFailureTests(PasteServiceFixture fixture) : IClassFixture<PasteServiceFixture>
{
    [Fact]
    public async Task Tailscale_printing_json_of_another_shape_fails_that_check_and_the_others_are_still_reported()
    {
        var service = await fixture.StartAsync();

        // A tailscale that answers a JSON array instead of the status object.
        await InstallFakeTailscaleAsync(service, "[]");
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "service, container, tailscale";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.NotNull(run.Report);
        Assert.Equal("degraded", run.Outputs["status"]);
        Assert.Equal("tailscale", run.Outputs["failed-checks"]);
        Assert.Equal("passed", run.CheckStatus("service"));
        Assert.Equal("passed", run.CheckStatus("container"));
        Assert.Contains("tailscale status --json printed JSON of another shape: an array, not an object", run.CheckMessage("tailscale"), StringComparison.Ordinal);
        Assert.Contains("| tailscale | ❌ failed |", run.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped on an error it did not expect", run.Stdout, StringComparison.Ordinal);
    }

    private async Task InstallFakeTailscaleAsync(RunningService service, string json)
    {
        var script = Encoding.UTF8.GetBytes($"#!/bin/sh\nprintf '%s\\n' '{json}'\n");
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "tailscale")
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                DataStream = new MemoryStream(script),
            };
            writer.WriteEntry(entry);
        }

        archive.Position = 0;
        await fixture.Engine.Client.Containers.ExtractArchiveToContainerAsync(service.ContainerId, new Docker.DotNet.Models.CopyToContainerParameters { Path = "/usr/local/bin" }, archive);
    }
}
