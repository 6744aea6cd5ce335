using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

public sealed class ConfigurationTests
{
    private static readonly TimeSpan _runTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("LISTEN_PORT", "abc")]
    [InlineData("LISTEN_PORT", "70000")]
    [InlineData("LISTEN_ADDRESS", "not-an-ip")]
    [InlineData("STORAGE_PATH", "relative/path")]
    [InlineData("FAULT_LATENCY_MS", "-5")]
    [InlineData("FAULT_ERROR_RATE", "1.5")]
    [InlineData("FAULT_ONSET_SECONDS", "90000")]
    [InlineData("FAULT_READINESS_FAIL", "maybe")]
    [InlineData("FAULT_TRUNCATE_LARGE_PASTES", "sometimes")]
    [InlineData("FAULT_UNKNOWN_ID_FOUND", "2")]
    [InlineData("FAULT_REFLECT_INPUT", "yes please")]
    [InlineData("FAULT_CRASH_ON_MALFORMED_ID", "-")]
    public async Task BadVariable_ExitsWith2NamingTheVariableAndValue_AndCreatesNothing(string name, string value)
    {
        var storage = Path.Combine(Path.GetTempPath(), $"tailpaste-paste-never-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string?>
        {
            ["LISTEN_ADDRESS"] = "127.0.0.1",
            ["STORAGE_PATH"] = storage,
            [name] = value,
        };

        var run = await PasteServiceLauncher.RunToExitAsync(environment, [], _runTimeout);

        Assert.Equal(2, run.ExitCode);
        var message = Assert.Single(run.StandardError);
        Assert.Contains($"{name}=\"{value}\"", message, StringComparison.Ordinal);
        Assert.Contains("expected", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(storage), $"{storage} was created although the configuration was refused.");
    }

    [Fact]
    public async Task UnknownArgument_ExitsWith2()
    {
        var run = await PasteServiceLauncher.RunToExitAsync(new Dictionary<string, string?>(), ["--frobnicate"], _runTimeout);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--frobnicate", run.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryVariable()
    {
        var run = await PasteServiceLauncher.RunToExitAsync(new Dictionary<string, string?>(), ["--help"], _runTimeout);

        Assert.Equal(0, run.ExitCode);
        foreach (var name in PasteServiceLauncher.ScrubbedVariables.Where(n => !n.StartsWith("ASPNETCORE_", StringComparison.Ordinal) && n != "DOTNET_URLS"))
        {
            Assert.Contains(name, run.AllOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Probe_Exits0ForARunningServiceAnd1WhenNothingAnswers()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        var probeRunning = new Dictionary<string, string?>
        {
            ["LISTEN_ADDRESS"] = "0.0.0.0",
            ["LISTEN_PORT"] = service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var healthy = await PasteServiceLauncher.RunToExitAsync(probeRunning, ["--probe"], _runTimeout);
        var probeLine = await service.Output.WaitForLineAsync(
            line => PasteServiceAccessLogLine.TryParse(line, out var entry) && entry.UserAgent == "tailpaste-paste-service-probe",
            TimeSpan.FromSeconds(10));
        await service.StopAsync();
        var stopped = await PasteServiceLauncher.RunToExitAsync(probeRunning, ["--probe"], _runTimeout);

        Assert.Equal(0, healthy.ExitCode);
        Assert.Contains("\"GET /healthz HTTP/1.1\" 200", probeLine, StringComparison.Ordinal);
        Assert.Equal(1, stopped.ExitCode);
        Assert.Contains("/healthz", stopped.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortInUse_ExitsWith1AndSaysSo()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["LISTEN_ADDRESS"] = "127.0.0.1",
            ["LISTEN_PORT"] = service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["STORAGE_PATH"] = Path.Combine(Path.GetTempPath(), $"tailpaste-paste-busy-{Guid.NewGuid():N}"),
        };

        try
        {
            var run = await PasteServiceLauncher.RunToExitAsync(environment, [], _runTimeout);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(run.StandardOutput, line => PasteServiceEventLogLine.TryParse(line, out var e) && e.Level == "FATAL" && e.Message.Contains("cannot listen on", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(environment["STORAGE_PATH"]!, recursive: true);
        }
    }
}
