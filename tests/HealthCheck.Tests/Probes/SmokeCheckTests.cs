using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests.Probes;

/// <summary>The smoke check through the action, against the sample service as a process and its test-only faults.</summary>
public sealed class SmokeCheckTests
{
    [Fact]
    public async Task A_healthy_service_passes_every_smoke_step_and_the_report_lists_them()
    {
        await using var service = await PasteServiceProcess.StartAsync();

        var run = await ActionRun.RunAsync(ProbeRuns.InputsFor(service, "smoke"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("passed", run.CheckStatus("smoke"));
        Assert.Equal(string.Empty, run.Outputs["smoke-failed-steps"]);
        var steps = run.Metric("smoke", "steps").AsArray();
        Assert.Equal(["reachable", "create", "retrieve", "public-read", "max-size", "over-max-size", "unknown-id", "malformed-id", "upload-without-token"], steps.Select(s => s!["step"]!.GetValue<string>()));
        Assert.Equal(["passed", "passed", "passed", "passed", "passed", "passed", "passed", "passed", "skipped"], steps.Select(s => s!["status"]!.GetValue<string>()));
        Assert.Contains("### Smoke", run.Summary, StringComparison.Ordinal);
        Assert.Contains("| max-size | ✅ passed |", run.Summary, StringComparison.Ordinal);
        Assert.Contains("| upload-without-token | ⏭️ skipped |", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_truncates_large_pastes_fails_smoke_naming_the_max_size_step()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_TRUNCATE_LARGE_PASTES"] = "true" });

        var run = await ActionRun.RunAsync(ProbeRuns.InputsFor(service, "smoke"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy", run.Outputs["status"]);
        Assert.Equal("smoke", run.Outputs["failed-checks"]);
        Assert.Equal("max-size", run.Outputs["smoke-failed-steps"]);
        Assert.StartsWith("step max-size failed: ", run.CheckMessage("smoke"), StringComparison.Ordinal);
        Assert.Contains("65536 of the 1048576 bytes", run.CheckMessage("smoke"), StringComparison.Ordinal);
        Assert.Contains("::error title=Health check 'smoke' failed::smoke: step max-size failed", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_answers_200_for_unknown_ids_fails_smoke_naming_the_unknown_id_step()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_UNKNOWN_ID_FOUND"] = "true" });

        var run = await ActionRun.RunAsync(ProbeRuns.InputsFor(service, "smoke"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unknown-id", run.Outputs["smoke-failed-steps"]);
        Assert.Equal(["unknown-id"], run.Metric("smoke", "failed_steps").AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains("| unknown-id | ❌ failed |", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_upload_token_smoke_checks_the_403_and_the_token_appears_nowhere_it_writes()
    {
        const string token = "probe-upload-token-93be1d";
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["UPLOAD_TOKEN"] = token });
        var inputs = ProbeRuns.InputsFor(service, "smoke, slo, fuzz");
        inputs["upload-token"] = token;

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.Report is not null, run.ToString());
        Assert.Equal("passed", run.CheckStatus("smoke"));
        var steps = run.Metric("smoke", "steps").AsArray();
        Assert.Equal("passed", steps.Single(s => s!["step"]!.GetValue<string>() == "upload-without-token")!["status"]!.GetValue<string>());
        Assert.Contains($"::add-mask::{token}", run.Stdout, StringComparison.Ordinal);
        var written = string.Join('\n', run.Stdout.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)))
            + run.Stderr + run.Report + run.Summary + string.Join('\n', run.Outputs.Values);
        Assert.DoesNotContain(token, written, StringComparison.Ordinal);
    }
}
