using Tailpaste.BackupRestore.Engine;
using Tailpaste.BackupRestore.Modes;
using Tailpaste.BackupRestore.Reporting;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.BackupRestore;

/// <summary>The backup-restore action: one mode per run, then report, summary and outputs.</summary>
public static class BackupRestoreAction
{
    public static ActionDefinition<BackupRestoreOptions> Definition { get; } = new(
        "backup-restore",
        ActionManifest.FromAssembly(typeof(BackupRestoreAction).Assembly),
        BackupRestoreBinder.Bind,
        RunAsync);

    /// <summary>Lets tests move time (backup ids, prune ages).</summary>
    internal static TimeProvider Time { get; set; } = TimeProvider.System;

    public static async Task<int> RunAsync(BackupRestoreOptions options, ActionCore core, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(core);
        foreach (var secret in Shared.Http.UrlCredentials.Secrets(options.ServiceUrl))
        {
            core.SetSecret(secret);
        }

        // Stopping the service may take its whole grace period; the client waits longer than that.
        using var docker = DockerClientFactory.Create(options.Docker.Endpoint, DockerClientFactory.DefaultTimeout + TimeSpan.FromSeconds(30));
        await DockerEngineProbe.RequireAnswerAsync(docker, options.Docker.Endpoint, options.Docker.Source, cancellationToken: cancellationToken).ConfigureAwait(false);

        var context = new ModeContext(options, core, docker, Time);
        ModeResult result;
        try
        {
            result = await RunModeAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (ImageUnavailableException e) when (e.ImageSource == HelperRunner.ImageInput)
        {
            // The helper image is needed before anything changes (the lock, the listing): bad input.
            throw new InputException(HelperRunner.ImageInput, e.Image, $"an image the engine has or can pull, holding this action (the actions image); pulling it failed: {e.Reason}");
        }
        catch (HelperException e)
        {
            core.WriteError($"{options.Mode.ToString().ToLowerInvariant()} of {options.ContainerName} failed: {e.Message}");
            result = new ModeResult(ExitCodes.Failed, new BackupRestoreOutputs(), context.Report(false, e.Message));
        }

        var reportPath = string.Empty;
        if (options.ReportPath is { } path)
        {
            await JsonReportWriter.WriteAsync(path, result.Report, BackupRestoreJson.Report, core.Masker, cancellationToken).ConfigureAwait(false);
            reportPath = path;
        }

        ReportSummary.Fill(core.Summary, result.Report);
        await core.WriteSummaryAsync(cancellationToken).ConfigureAwait(false);
        await core.SetOutputsAsync(result.Outputs with { ReportPath = reportPath }, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != ExitCodes.Ok)
        {
            core.SetFailed(result.Report.Message);
        }

        return result.ExitCode;
    }

    private static Task<ModeResult> RunModeAsync(ModeContext context, CancellationToken cancellationToken) => context.Options.Mode switch
    {
        Mode.Backup => BackupMode.RunAsync(context, cancellationToken),
        Mode.Verify => VerifyMode.RunAsync(context, cancellationToken),
        Mode.List => ListMode.RunAsync(context, cancellationToken),
        Mode.Prune => PruneMode.RunAsync(context, cancellationToken),
        _ => RestoreMode.RunAsync(context, cancellationToken),
    };
}
