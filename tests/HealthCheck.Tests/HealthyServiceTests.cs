using System.Runtime.CompilerServices;
using Snapshooter;
using Snapshooter.Xunit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>The sample service in a container, no faults: every default check passes and the report keeps its shape.</summary>
[Trait("Category", "Docker")]
public sealed class HealthyServiceTests(PasteServiceFixture fixture) : IClassFixture<PasteServiceFixture>
{
    private static readonly string[] _volatile =
    [
        "timestamp", "duration_ms", "service_url", "p95_ms", "warnings",
        "checks.*.duration_ms", "checks.*.message", "checks.container.warnings",
        "checks.service.value", "checks.functionality.value", "checks.database.value",
        "metrics.service.url", "metrics.service.attempts.*.response_time_ms", "metrics.service.readiness.url",
        "metrics.service.response_time_avg_ms", "metrics.service.response_time_max_ms", "metrics.service.response_time_p95_ms",
        "metrics.functionality.create_time_ms", "metrics.functionality.read_time_ms",
        "metrics.container.id", "metrics.container.image", "metrics.container.name", "metrics.container.health", "metrics.container.uptime_seconds",
        "metrics.database.size_bytes", "metrics.database.oldest_paste", "metrics.database.newest_paste",
        "metrics.logs.source", "metrics.logs.lines", "metrics.logs.requests", "metrics.logs.requests_by_method",
        "metrics.logs.status_codes", "metrics.logs.top_paths",
    ];

    [Fact]
    public async Task Healthy_service_passes_every_default_check_and_the_report_keeps_its_shape()
    {
        var service = await fixture.StartAsync();

        var run = await ActionRun.RunAsync(fixture.InputsFor(service));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("healthy", run.Outputs["status"]);
        Assert.Equal(string.Empty, run.Outputs["failed-checks"]);
        Assert.Equal("0", run.Outputs["error-rate"]);
        Assert.Equal("false", run.Outputs["recovery-dispatched"]);
        Assert.True(double.Parse(run.Outputs["p95-ms"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        foreach (var check in new[] { "service", "functionality", "container", "database", "logs" })
        {
            Assert.Equal("passed", run.CheckStatus(check));
        }

        // The functionality check's paste is in the database the database check copied out of the container.
        Assert.Equal(1, run.Report!["metrics"]!["database"]!["paste_count"]!.GetValue<long>());
        Assert.Equal("container:/data/pastes.db", run.Report["metrics"]!["database"]!["source"]!.GetValue<string>());
        Assert.Equal(fixture.Image, run.Report["metrics"]!["container"]!["image"]!.GetValue<string>()); // the tag is the checkout's TAILPASTE_IMAGE_TAG
        Assert.Contains("| service | ✅ passed |", run.Summary, StringComparison.Ordinal);
        Assert.Contains("### Log statistics", run.Summary, StringComparison.Ordinal);
        MatchSnapshot(ReportMask.Apply(run.Report, _volatile));
    }

    private static void MatchSnapshot(string masked, [CallerMemberName] string name = "", [CallerFilePath] string file = "")
    {
        Snapshot.Match(masked, new SnapshotFullName($"{nameof(HealthyServiceTests)}.{name}.snap", Path.GetDirectoryName(file)!));
    }
}
