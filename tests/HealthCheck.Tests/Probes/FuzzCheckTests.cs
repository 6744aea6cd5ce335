using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests.Probes;

/// <summary>The fuzz check through the action, against the sample service as a process and its test-only faults.</summary>
public sealed class FuzzCheckTests
{
    [Fact]
    public async Task A_healthy_service_has_no_high_finding_and_still_passes_the_service_check_after_fuzz()
    {
        await using var service = await PasteServiceProcess.StartAsync();

        var run = await ActionRun.RunAsync(ProbeRuns.InputsFor(service, "service, fuzz"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("passed", run.CheckStatus("fuzz"));
        Assert.Equal("passed", run.CheckStatus("service"));
        Assert.Equal("0", run.Outputs["fuzz-high-findings"]);
        Assert.True(run.Metric("fuzz", "healthy_after").GetValue<bool>());
        var requests = run.Metric("fuzz", "requests").GetValue<int>();
        Assert.Equal(requests, run.Metric("fuzz", "cases").AsArray().Count);

        // The service check ran after fuzz: its readiness GET is the last request in the service's log.
        var traffic = ProbeRuns.ProbeTraffic(service).ToList();
        var lastFuzz = traffic.FindLastIndex(line => line.UserAgent == "tailpaste-probe-fuzz");
        Assert.True(lastFuzz >= 0, "no fuzz request reached the service");
        Assert.Equal("/readyz", traffic[^1].Target);
        Assert.True(traffic.Count - 1 > lastFuzz);
        Assert.Contains("### Fuzz", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_reflects_input_gets_a_high_finding_and_fails_the_step_naming_fuzz()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_REFLECT_INPUT"] = "true" });

        var run = await ActionRun.RunAsync(ProbeRuns.InputsFor(service, "fuzz, service"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("degraded", run.Outputs["status"]);
        Assert.Equal("fuzz", run.Outputs["failed-checks"]);
        Assert.True(int.Parse(run.Outputs["fuzz-high-findings"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        var findings = run.Metric("fuzz", "findings").AsArray();
        Assert.Contains(findings, f => f!["severity"]!.GetValue<string>() == "high" && f["kind"]!.GetValue<string>() == "reflected_payload");
        Assert.StartsWith("HIGH reflected payload", run.CheckMessage("fuzz"), StringComparison.Ordinal);
        Assert.Contains("| HIGH | reflected payload |", run.Summary, StringComparison.Ordinal);
        Assert.Equal("passed", run.CheckStatus("service"));
    }

    [Fact]
    public async Task A_service_that_crashes_on_a_malformed_id_gets_a_high_server_error_finding()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_CRASH_ON_MALFORMED_ID"] = "true" });

        var run = await ActionRun.RunAsync(ProbeRuns.InputsFor(service, "fuzz"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("fuzz", run.Outputs["failed-checks"]);
        Assert.Contains(run.Metric("fuzz", "findings").AsArray(), f => f!["severity"]!.GetValue<string>() == "high" && f["kind"]!.GetValue<string>() == "server_error");
    }
}
