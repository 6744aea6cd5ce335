using Tailpaste.DockerCleanup.Engine;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Reporting;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.DockerCleanup;

/// <summary>The docker-cleanup action: inputs to options, the cleanup, then report, summary, annotations and outputs.</summary>
public static class DockerCleanupAction
{
    public static ActionDefinition<CleanupOptions> Definition { get; } = new(
        "docker-cleanup",
        ActionManifest.FromAssembly(typeof(DockerCleanupAction).Assembly),
        Bind,
        RunAsync);

    public static CleanupOptions Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var labels = inputs.GetLabelSelectorInput("labels");
        var protect = inputs.GetProtectedLabelsInput("protect-labels");
        var resources = ResourceKindList.Parse(inputs.GetInput("resources", required: true), "resources");
        var pruneDangling = inputs.GetBoolInput("prune-dangling");
        var olderThan = inputs.GetOptionalDurationInput("older-than");
        var stopTimeout = inputs.GetDurationInput("stop-timeout", max: TimeSpan.FromHours(1));
        var dryRun = inputs.GetBoolInput("dry-run");
        var failOnError = inputs.GetBoolInput("fail-on-error");
        var docker = inputs.GetDockerHostInput(runner);
        // Checked now, not when the report is written after the removals: a path that cannot take it is bad input.
        var reportPath = inputs.GetOutputPathInput("report-path");
        return new CleanupOptions(labels, protect, resources, pruneDangling, olderThan, stopTimeout, dryRun, failOnError, docker, reportPath);
    }

    public static async Task<int> RunAsync(CleanupOptions options, ActionCore core, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(core);

        // Stopping a container may take its whole grace period; the client must wait longer than that.
        // One client for the probe and the work: a second one would cost a short run its warm-up again.
        using var client = CleanupClientFactory.Create(options.Docker.Endpoint, DockerClientFactory.DefaultTimeout + options.StopTimeout);

        // The listing only reads, so it goes out with the probe instead of after it: on a healthy engine the
        // run does not pay for the two one after the other. An engine that does not answer is still a wrong
        // address, not a failed cleanup: exit 2, nothing touched.
        var runner = new CleanupRunner(client, options);
        // On the thread pool: the client's first calls compile and set up a lot before their first await.
        var inventory = Task.Run(() => runner.ReadInventoryAsync(cancellationToken), cancellationToken);
        try
        {
            await DockerEngineProbe.RequireAnswerAsync(client, options.Docker.Endpoint, options.Docker.Source, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (InputException)
        {
            // The listing fails too, or would wait for the client's timeout; its error says nothing the probe's does not.
            _ = inventory.ContinueWith(listing => listing.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }

        var result = await runner.RunAsync(await inventory.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

        foreach (var failure in result.Failures)
        {
            var message = $"Could not remove {Singular(failure.Resource.Kind)} {failure.Resource.Name} ({failure.Resource.ShortId}): {failure.Reason}";
            if (options.FailOnError)
            {
                core.WriteError(message, new AnnotationProperties(Title: "docker-cleanup"));
            }
            else
            {
                core.WriteWarning(message, new AnnotationProperties(Title: "docker-cleanup"));
            }
        }

        await JsonReportWriter.WriteAsync(options.ReportPath, CleanupReport.From(options, result), DockerCleanupJson.Report, core.Masker, cancellationToken).ConfigureAwait(false);
        CleanupSummary.Write(core.Summary, options, result);
        await core.WriteSummaryAsync(cancellationToken).ConfigureAwait(false);
        var totals = CleanupTotals.From(result);
        await core.SetOutputsAsync(
            new DockerCleanupOutputs(totals.RemovedContainers, totals.RemovedImages, totals.RemovedVolumes, totals.RemovedNetworks, totals.ReclaimedBytes, totals.Protected, options.ReportPath),
            cancellationToken).ConfigureAwait(false);

        if (totals.Failed > 0 && options.FailOnError)
        {
            core.SetFailed($"{totals.Failed} resource(s) could not be removed and fail-on-error is true; see the summary or {options.ReportPath}.");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    private static string Singular(ResourceKind kind) => CleanupReport.KindName(kind).TrimEnd('s');
}
