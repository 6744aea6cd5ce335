using System.Text;
using Tailpaste.HealthCheck.Logs;

namespace Tailpaste.HealthCheck.Tests;

public sealed class LogAnalyzerTests
{
    [Theory]
    [InlineData("2025-11-23T09:01:02.345Z ERROR PasteStore: sqlite busy on connection", "database")]
    [InlineData("2025-11-23T09:01:02.345Z ERROR Proxy: connection refused by upstream", "network")]
    [InlineData("2025-11-23T09:01:02.345Z ERROR Tailnet: tailscale is logged out", "tailscale")]
    [InlineData("2025-11-23T09:01:02.345Z ERROR Upload: token rejected", "authentication")]
    [InlineData("2025-11-23T09:01:02.345Z ERROR App: unhandled | NullReferenceException: boom", "exception")]
    [InlineData("2025-11-23T09:01:02.345Z ERROR Store: no space left on device", "disk")]
    [InlineData("2025-11-23T09:01:02.345Z ERROR App: something odd", "general")]
    [InlineData("Traceback (most recent call last): database gone", "database")]
    public void An_error_line_goes_to_the_first_category_whose_words_it_contains(string line, string category)
    {
        var analyzer = new LogAnalyzer();

        analyzer.AddLine(line);

        var statistics = analyzer.Snapshot();
        Assert.Equal(1, statistics.ErrorCount);
        Assert.Equal(1, statistics.ErrorsByCategory[category]);
        Assert.Equal(1, statistics.ErrorsByCategory.Values.Sum());
    }

    [Fact]
    public void Access_lines_are_counted_by_method_status_path_and_client()
    {
        var analyzer = new LogAnalyzer();
        analyzer.AddLine("127.0.0.1 - token:1a2b3c4d [23/Nov/2025:09:01:02 +0000] \"POST / HTTP/1.1\" 200 33 \"-\" \"curl/8.5.0\" 4.217");
        analyzer.AddLine("127.0.0.1 - - [23/Nov/2025:09:01:03 +0000] \"GET /abc?x=1 HTTP/1.1\" 404 10 \"-\" \"curl/8.5.0\" 0.5");
        analyzer.AddLine("10.1.2.3 - - [23/Nov/2025:09:01:04 +0000] \"GET /abc HTTP/1.1\" 500 10 \"-\" \"-\" 0.5");
        analyzer.AddLine("2025-11-23T09:01:02.345Z INFO Program: listening");
        analyzer.AddLine("2025-11-23T09:01:02.345Z WARN PasteEndpoints: upload refused");

        var statistics = analyzer.Snapshot();

        Assert.Equal(5, statistics.TotalLines);
        Assert.Equal(3, statistics.Requests);
        Assert.Equal(2, statistics.RequestsByMethod["GET"]);
        Assert.Equal(1, statistics.RequestsByMethod["POST"]);
        Assert.Equal(1, statistics.StatusCodes["404"]);
        Assert.Equal(1, statistics.ServerErrors);
        Assert.Equal(new PathCount("/abc", 2), statistics.TopPaths[0]);
        Assert.Equal(2, statistics.UniqueClientIps);
        Assert.Equal(0, statistics.ErrorCount);
        Assert.Equal(1, statistics.WarningCount);
    }

    [Fact]
    public void Lines_split_across_chunks_are_assembled_before_analysis()
    {
        var analyzer = new LogAnalyzer();
        var lines = LogSources.LinesFor(analyzer);
        var text = Encoding.UTF8.GetBytes("2025-11-23T09:01:02.345Z ERROR A: x\r\n2025-11-23T09:01:02.345Z ERROR B: ü disk\nlast line error");

        foreach (var chunk in text.Chunk(7))
        {
            lines.Push(chunk);
        }

        lines.Complete();
        var statistics = analyzer.Snapshot();
        Assert.Equal(3, statistics.TotalLines);
        Assert.Equal(3, statistics.ErrorCount);
        Assert.Equal(1, statistics.ErrorsByCategory["disk"]);
        Assert.Equal("last line error", statistics.RecentErrors[^1]);
    }

    [Fact]
    public void Memory_stays_bounded_for_many_distinct_paths_and_clients()
    {
        var analyzer = new LogAnalyzer();
        for (var i = 0; i < 50_000; i++)
        {
            var path = i % 2 == 0 ? "/" : $"/p{i}";
            analyzer.AddLine($"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256} - - [23/Nov/2025:09:01:02 +0000] \"GET {path} HTTP/1.1\" 200 3 \"-\" \"-\" 1.0");
        }

        var statistics = analyzer.Snapshot();

        Assert.Equal(new PathCount("/", 25_000), statistics.TopPaths[0]);
        Assert.Equal(LogAnalyzer.TopPathCount, statistics.TopPaths.Count);
        Assert.True(statistics.UniqueClientIpsEstimated);
        Assert.InRange(statistics.UniqueClientIps, 48_500, 51_500);
    }

    [Fact]
    public void Exact_distinct_counts_below_the_limit()
    {
        var counter = new DistinctCounter(exactLimit: 100);
        foreach (var value in new[] { "a", "b", "a", "c" })
        {
            counter.Add(value);
        }

        Assert.False(counter.IsEstimate);
        Assert.Equal(3, counter.Count);
    }
}
