using System.Globalization;
using Tailpaste.BackupRestore.Helper;
using Tailpaste.TestKit;

namespace Tailpaste.BackupRestore.Tests.Helper;

/// <summary>The drill's probe against the sample service started as a process: it waits, counts the rows once the service answers, and runs the smoke probe.</summary>
public sealed class ProbeOperationTests
{
    [Fact]
    public async Task The_probe_counts_the_rows_then_passes_the_smoke_probe()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        using (var client = service.CreateClient())
        {
            for (var i = 0; i < 3; i++)
            {
                using var content = new StringContent($"paste {i}");
                (await client.PostAsync(service.BaseUrl, content)).EnsureSuccessStatusCode();
            }
        }

        var result = await ProbeAsync(service.BaseUrl.ToString(), service.DatabasePath, seconds: 30);

        Assert.True(result.Passed, result.Detail);
        Assert.Equal(3, result.Rows);
        Assert.Empty(result.FailedSteps!);
    }

    [Fact]
    public async Task A_service_that_breaks_the_contract_fails_the_probe_naming_the_step()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_UNKNOWN_ID_FOUND"] = "true" });

        var result = await ProbeAsync(service.BaseUrl.ToString(), service.DatabasePath, seconds: 30);

        Assert.False(result.Passed);
        Assert.Contains("unknown-id", result.FailedSteps!);
        Assert.Contains("unknown-id", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_never_answers_fails_after_the_wait()
    {
        var result = await ProbeAsync($"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}/", "/nonexistent/pastes.db", seconds: 1);

        Assert.False(result.Passed);
        Assert.Null(result.Rows);
        Assert.Contains("did not answer 200 within 1 s", result.Detail, StringComparison.Ordinal);
    }

    private static async Task<ProbeResult> ProbeAsync(string url, string database, int seconds)
    {
        using var output = new StringWriter();
        var exit = await HelperProgram.RunAsync(["probe", "--url", url, "--database", database, "--timeout-seconds", seconds.ToString(CultureInfo.InvariantCulture)], output, CancellationToken.None);
        Assert.True(exit == 0, output.ToString());
        return HelperResult.Find<ProbeResult>(output.ToString())!;
    }
}
