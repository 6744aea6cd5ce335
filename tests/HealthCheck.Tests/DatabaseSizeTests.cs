using Docker.DotNet.Models;
using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// max-db-size-mb is judged from the size the engine reports for the file (the archive API's stat): a database
/// over the limit is never copied out of the container. A proxy in front of the real engine shows the calls.
/// </summary>
[Trait("Category", "Docker")]
public sealed class DatabaseSizeTests(PasteServiceFixture fixture) : IClassFixture<PasteServiceFixture>
{
    private const int DatabaseMb = 64;

    [Fact]
    public async Task A_database_over_the_limit_fails_with_both_sizes_and_is_never_copied()
    {
        var service = await fixture.StartAsync();

        // 64 MB of database as the container sees it (a sparse file: no real disk is used for it).
        await ExecAsync(service, $"truncate -s {DatabaseMb}M /data/pastes.db");
        await using var proxy = new RecordingDockerProxy(fixture.Engine.DockerHost);
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "database";
        inputs["storage-path"] = "/data";
        inputs["max-db-size-mb"] = "1";
        inputs["docker-host"] = proxy.DockerHost;

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("database", run.Outputs["failed-checks"]);
        Assert.Matches(@"^the database is 64\.0 MB \(pastes\.db 64\.0 MB \+ WAL 0\.\d MB\), over the limit of 1 MB; it was not copied or opened$", run.CheckMessage("database"));
        Assert.Equal("not checked (over the size limit)", run.Report!["metrics"]!["database"]!["integrity"]!.GetValue<string>());
        var archiveCalls = proxy.Requests.Where(r => r.Contains("/archive?", StringComparison.Ordinal)).ToList();
        Assert.Contains(archiveCalls, r => r.StartsWith("HEAD ", StringComparison.Ordinal) && r.EndsWith("path=/data/pastes.db", StringComparison.Ordinal));
        Assert.DoesNotContain(archiveCalls, r => r.StartsWith("GET ", StringComparison.Ordinal));
        Assert.True(proxy.BytesFromEngine < 1024 * 1024, $"the engine sent {proxy.BytesFromEngine} bytes; the calls were:\n{string.Join('\n', proxy.Requests)}");
    }

    [Fact]
    public async Task A_database_under_the_limit_is_copied_and_checked()
    {
        var service = await fixture.StartAsync();
        await using var proxy = new RecordingDockerProxy(fixture.Engine.DockerHost);
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "database";
        inputs["storage-path"] = "/data";
        inputs["docker-host"] = proxy.DockerHost;

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("ok", run.Report!["metrics"]!["database"]!["integrity"]!.GetValue<string>());
        Assert.Contains(proxy.Requests, r => r.StartsWith("GET ", StringComparison.Ordinal) && r.EndsWith("/archive?path=/data/pastes.db", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_that_is_a_symbolic_link_is_not_followed()
    {
        var service = await fixture.StartAsync();
        await ExecAsync(service, "mv /data/pastes.db /data/real.db && ln -s /etc/passwd /data/pastes.db");
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "database";
        inputs["storage-path"] = "/data";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("/data/pastes.db is a symbolic link, not a regular file; it is not read", run.CheckMessage("database"));
    }

    private async Task ExecAsync(RunningService service, string command)
    {
        var docker = fixture.Engine.Client;
        var exec = await docker.Exec.CreateContainerExecAsync(service.ContainerId, new ContainerExecCreateParameters { Cmd = ["sh", "-c", command], AttachStdout = true, AttachStderr = true });
        using (var stream = await docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters()))
        {
            await stream.ReadOutputToEndAsync(CancellationToken.None);
        }

        var result = await docker.Exec.InspectContainerExecAsync(exec.ID);
        Assert.True(result.ExitCode == 0, $"'{command}' in the service container exited with {result.ExitCode}");
    }
}
