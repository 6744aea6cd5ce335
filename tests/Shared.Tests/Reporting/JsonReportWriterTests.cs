using System.Text.Json;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.Shared.Tests.Reporting;

public sealed class JsonReportWriterTests
{
    private enum Outcome
    {
        Passed,
        NotRun,
    }

    private sealed record Report(DateTimeOffset Timestamp, string OverallStatus, Outcome Outcome, IReadOnlyDictionary<string, int> Checks, double? P95Ms);

    [Fact]
    public void Report_has_snake_case_keys_sorted_dictionaries_and_utc_times()
    {
        var checks = new Dictionary<string, int> { ["service"] = 1, ["database"] = 2, ["container"] = 3 };
        var report = new Report(new DateTimeOffset(2026, 11, 23, 10, 30, 0, 250, TimeSpan.FromHours(2)), "healthy", Outcome.NotRun, checks, null);

        var json = JsonReportWriter.Serialize(report);

        Assert.Equal(
            """
            {
              "timestamp": "2026-11-23T08:30:00.250Z",
              "overall_status": "healthy",
              "outcome": "not_run",
              "checks": {
                "container": 3,
                "database": 2,
                "service": 1
              },
              "p95_ms": null
            }

            """.ReplaceLineEndings("\n"),
            json);
    }

    [Fact]
    public async Task Write_async_replaces_the_file_atomically_and_masks_secrets()
    {
        var directory = Directory.CreateTempSubdirectory("report-").FullName;
        try
        {
            var path = Path.Combine(directory, "nested", "report.json");
            var masker = new SecretMasker();
            masker.Add("hunter2");

            await JsonReportWriter.WriteAsync(path, new { note = "old" });
            await JsonReportWriter.WriteAsync(path, new { note = "token hunter2" }, masker);

            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            Assert.Equal("token ***", document.RootElement.GetProperty("note").GetString());
            Assert.Equal(["report.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
