using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Docker;

/// <summary>Reads real containers' logs from the engine, through the multiplexed stream.</summary>
public sealed class ContainerLogReaderTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private static readonly TimeSpan _exitTimeout = TimeSpan.FromSeconds(60);

    private async Task<string> RunToExitAsync(string script, string? logDriver = null)
    {
        var id = await engine.RunContainerAsync(new DockerContainerSpec(DockerEngineSetup.RuntimeDepsImage)
        {
            Entrypoint = ["bash", "-c"],
            Command = [script],
            NetworkMode = "none",
            NamePrefix = "log-reader",
            LogDriver = logDriver,
        });
        Assert.Equal(0, await engine.WaitForExitAsync(id, _exitTimeout));
        return id;
    }

    [Fact]
    public async Task Read_async_separates_standard_output_from_standard_error()
    {
        var id = await RunToExitAsync("echo out-1; echo err-1 >&2; echo out-2; printf 'no newline at the end'");

        var lines = await ContainerLogReader.ReadAsync(engine.Client, id);

        Assert.Equal(
            ["out-1", "out-2", "no newline at the end"],
            lines.Where(l => l.Stream == ContainerLogStream.StandardOutput).Select(l => l.Text));
        Assert.Equal(["err-1"], lines.Where(l => l.Stream == ContainerLogStream.StandardError).Select(l => l.Text));
        Assert.All(lines, l => Assert.Null(l.Timestamp));
    }

    [Fact]
    public async Task Read_async_joins_a_line_the_engine_split_into_frames()
    {
        // The engine cuts long lines into 16 KiB messages, each its own frame.
        var id = await RunToExitAsync("head -c 40000 /dev/zero | tr '\\0' x; echo; echo after");

        var lines = await ContainerLogReader.ReadAsync(engine.Client, id);

        Assert.Equal([new string('x', 40000), "after"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task Read_async_keeps_a_utf_8_character_that_a_frame_boundary_cuts()
    {
        // An odd prefix puts the 16 KiB cut inside a two-byte 'é'. The local driver keeps raw bytes
        // (json-file would store U+FFFD), but drops the line break of a split line, so one line only.
        var id = await RunToExitAsync("printf a; for i in $(seq 20000); do printf '\\303\\251'; done; echo", logDriver: "local");

        var line = Assert.Single(await ContainerLogReader.ReadAsync(engine.Client, id));

        Assert.Equal("a" + new string('é', 20000), line.Text);
    }

    [Fact]
    public async Task Read_async_with_timestamps_strips_and_parses_them()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var id = await RunToExitAsync("echo 'stamped line with spaces'");

        var line = Assert.Single(await ContainerLogReader.ReadAsync(engine.Client, id, new ContainerLogQuery { Timestamps = true }));

        Assert.Equal("stamped line with spaces", line.Text);
        Assert.NotNull(line.Timestamp);
        Assert.InRange(line.Timestamp.Value, before, DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Read_async_tail_and_max_lines_bound_what_is_read()
    {
        var id = await RunToExitAsync("for i in $(seq 1 50); do echo line-$i; done");

        var tail = await ContainerLogReader.ReadAsync(engine.Client, id, new ContainerLogQuery { Tail = 3 });
        var capped = await ContainerLogReader.ReadAsync(engine.Client, id, new ContainerLogQuery { MaxLines = 4 });

        Assert.Equal(["line-48", "line-49", "line-50"], tail.Select(l => l.Text));
        Assert.Equal(["line-1", "line-2", "line-3", "line-4"], capped.Select(l => l.Text));
    }

    [Fact]
    public async Task Fixture_removes_its_containers_on_dispose()
    {
        var other = new DockerEngineFixture();
        await other.InitializeAsync();
        var id = await other.RunContainerAsync(new DockerContainerSpec(DockerEngineSetup.RuntimeDepsImage)
        {
            Entrypoint = ["sleep", "600"],
            NetworkMode = "none",
        });
        var volume = await other.CreateVolumeAsync();
        Assert.True((await engine.Client.Containers.InspectContainerAsync(id)).State?.Running == true);

        await other.DisposeAsync();

        var containers = await engine.Client.Containers.ListContainersAsync(new() { All = true, Filters = LabelSelector.Parse($"{DockerEngineFixture.TestRunLabel}={other.TestRunId}").ToDockerFilters() });
        var volumes = await engine.Client.Volumes.ListAsync(new global::Docker.DotNet.Models.VolumesListParameters());
        Assert.Empty(containers);
        Assert.DoesNotContain(volumes.Volumes ?? [], v => v.Name == volume);
    }
}
