using System.Formats.Tar;
using Docker.DotNet.Models;
using Microsoft.Data.Sqlite;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// The checks that reach the service only through the Docker API — logs, disk, tailscale, and the database copied
/// out of the container — against the real sample service on the private engine.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ContainerChecksTests(PasteServiceFixture fixture) : IClassFixture<PasteServiceFixture>
{
    [Fact]
    public async Task Errors_in_the_container_log_above_the_threshold_degrade_the_service_and_name_the_logs_check()
    {
        var service = await fixture.StartAsync(new Dictionary<string, string> { ["FAULT_ERROR_RATE"] = "1" });
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            for (var i = 0; i < 15; i++)
            {
                using var response = await http.GetAsync(new Uri(service.Url, $"/missing{i % 3}"));
                Assert.Equal(500, (int)response.StatusCode);
            }
        }

        // The service writes its lines asynchronously: wait until all 15 errors and access lines are in Docker's log.
        await WaitForLogAsync(service, lines => lines.Count(l => l.Contains(" ERROR ", StringComparison.Ordinal)) == 15 && lines.Count(l => l.Contains("\" 500 ", StringComparison.Ordinal)) == 15);
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "logs";
        inputs["critical-error-threshold"] = "10";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("degraded", run.Outputs["status"]);
        Assert.Equal("logs", run.Outputs["failed-checks"]);
        Assert.Contains("15 error lines in the log, more than the threshold of 10", run.CheckMessage("logs"), StringComparison.Ordinal);
        var logs = run.Report!["metrics"]!["logs"]!;
        Assert.Equal(15, logs["error_count"]!.GetValue<long>());
        Assert.Equal(15, logs["server_errors"]!.GetValue<long>());
        Assert.Equal(15, logs["status_codes"]!["500"]!.GetValue<long>());
        Assert.Equal(15, logs["errors_by_category"]!["general"]!.GetValue<long>());
        Assert.Equal(5, logs["top_paths"]!.AsArray().First(p => p!["path"]!.GetValue<string>() == "/missing0")!["count"]!.GetValue<long>());
        Assert.Contains("| Errors | 15 |", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_that_restarted_more_than_max_restarts_passes_with_a_warning()
    {
        var service = await fixture.StartAsync();
        var docker = fixture.Engine.Client;
        await docker.Containers.UpdateContainerAsync(service.ContainerId, new ContainerUpdateParameters { RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.Always } });

        // The service stops cleanly on SIGTERM; the engine, not a user, starts it again: one restart.
        var exec = await docker.Exec.CreateContainerExecAsync(service.ContainerId, new ContainerExecCreateParameters { Cmd = ["sh", "-c", "kill -TERM 1"] });
        using (var stream = await docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters()))
        {
            await stream.ReadOutputToEndAsync(CancellationToken.None);
        }

        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while ((await docker.Containers.InspectContainerAsync(service.ContainerId)).RestartCount == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the engine did not restart the service within 60 s");
            await Task.Delay(200);
        }

        await fixture.Engine.WaitForHttpAsync(service.ContainerId, new Uri(service.Url, "/healthz"), TimeSpan.FromSeconds(60));
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "container";
        inputs["max-restarts"] = "0";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("passed", run.CheckStatus("container"));
        Assert.Equal(1, run.Report!["metrics"]!["container"]!["restart_count"]!.GetValue<long>());
        Assert.Contains("container: the container restarted 1 times, more than 0", run.Report["warnings"]!.AsArray().Select(w => w!.GetValue<string>()));
    }

    [Fact]
    public async Task Disk_check_reads_usage_through_a_sibling_container_and_fails_over_the_limit()
    {
        var service = await fixture.StartAsync();
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "disk";
        inputs["disk-check-image"] = "mcr.microsoft.com/dotnet/runtime-deps:10.0";

        var passing = await ActionRun.RunAsync(new Dictionary<string, string>(inputs) { ["disk-warn-percent"] = "0", ["disk-fail-percent"] = "100" });
        var failing = await ActionRun.RunAsync(new Dictionary<string, string>(inputs) { ["disk-warn-percent"] = "0", ["disk-fail-percent"] = "0" });

        Assert.True(passing.ExitCode == 0, passing.ToString());
        var filesystems = passing.Report!["metrics"]!["disk"]!["filesystems"]!.AsArray();
        Assert.Equal(2, filesystems.Count); // the engine's data root and the service's /data volume
        Assert.StartsWith("docker data root /", filesystems[0]!["location"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("service /data", filesystems[1]!["location"]!.GetValue<string>());
        Assert.All(filesystems, f => Assert.InRange(f!["used_percent"]!.GetValue<double>(), 0.1, 100));
        Assert.Contains("% full, over 0 %", passing.Report["warnings"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.True(failing.ExitCode == 1, failing.ToString());
        Assert.Equal("degraded", failing.Outputs["status"]);
        Assert.Equal("disk", failing.Outputs["failed-checks"]);

        // The sibling containers are gone: only the service container carries this run's label.
        var left = await fixture.Engine.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"tailpaste.test-run={fixture.Engine.TestRunId}"] = true } },
        });
        Assert.NotEmpty(left);
        Assert.All(left, c => Assert.Equal(fixture.Image, c.Image));
    }

    [Fact]
    public async Task A_helper_image_that_is_missing_and_cannot_be_pulled_fails_the_disk_check_naming_the_image()
    {
        var service = await fixture.StartAsync();
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "disk";
        inputs["disk-check-image"] = "tailpaste-test/no-such-helper:never";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("disk", run.Outputs["failed-checks"]);
        Assert.Contains("the helper image tailpaste-test/no-such-helper:never (disk-check-image) is not on the engine and pulling it failed", run.CheckMessage("disk"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tailscale_check_runs_in_the_service_container_and_fails_clearly_when_tailscale_is_missing()
    {
        var service = await fixture.StartAsync();
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "container, tailscale";

        var run = await ActionRun.RunAsync(inputs);

        // The sample image has no tailscale binary: the exec fails, the check says so, the service is degraded.
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("degraded", run.Outputs["status"]);
        Assert.Equal("tailscale", run.Outputs["failed-checks"]);
        Assert.Contains("tailscale status failed (exit code 12", run.CheckMessage("tailscale"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_database_inside_the_container_fails_the_database_check_through_the_archive_api()
    {
        var service = await fixture.StartAsync();
        await fixture.Engine.Client.Containers.StopContainerAsync(service.ContainerId, new ContainerStopParameters { WaitBeforeKillSeconds = 10 });
        await fixture.Engine.Client.Containers.ExtractArchiveToContainerAsync(
            service.ContainerId,
            new CopyToContainerParameters { Path = "/data" },
            CorruptDatabaseArchive());
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "database";
        inputs["storage-path"] = "/data";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("degraded", run.Outputs["status"]);
        Assert.Equal("database", run.Outputs["failed-checks"]);
        Assert.Contains("integrity check failed", run.CheckMessage("database"), StringComparison.Ordinal);
        Assert.Equal("container:/data/pastes.db", run.Report!["metrics"]!["database"]!["source"]!.GetValue<string>());
    }

    private async Task WaitForLogAsync(RunningService service, Func<IReadOnlyList<string>, bool> complete)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var lines = (await fixture.Engine.ReadLogsAsync(service.ContainerId)).Select(l => l.Text).ToList();
            if (complete(lines))
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "the service's log did not show the expected lines within 30 s:\n" + string.Join('\n', lines));
            await Task.Delay(100);
        }
    }

    /// <summary>A tar holding pastes.db: a real database of 300 pastes whose b-tree pages after the header are overwritten.</summary>
    private static MemoryStream CorruptDatabaseArchive()
    {
        var folder = Directory.CreateTempSubdirectory("tailpaste-health-corrupt-").FullName;
        try
        {
            var path = Path.Combine(folder, "pastes.db");
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE pastes (id TEXT PRIMARY KEY, content TEXT NOT NULL, created_at TIMESTAMP NOT NULL, source_host TEXT NOT NULL, source_user TEXT NOT NULL);
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
                    INSERT INTO pastes SELECT printf('p%09d', i), printf('%.2000c', 'x'), '2025-11-23T09:00:00.000Z', '127.0.0.1', 'anonymous' FROM n;
                    """;
                command.ExecuteNonQuery();
            }

            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                file.Seek(4096 * 2, SeekOrigin.Begin);
                var garbage = new byte[4096 * 4];
                new Random(11).NextBytes(garbage);
                file.Write(garbage);
            }

            var archive = new MemoryStream();
            using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
            {
                writer.WriteEntry(path, "pastes.db");
            }

            archive.Position = 0;
            return archive;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
