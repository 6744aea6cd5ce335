using Docker.DotNet.Models;
using Tailpaste.Deploy.Containers;
using Tailpaste.Deploy.Record;
using Tailpaste.Deploy.Verification;

namespace Tailpaste.Deploy.Strategies;

/// <summary>
/// recreate: the old container is stopped and set aside under another name (not removed: it is the way back), the
/// new one is created in its place with the running container's settings and the inputs' changes, and must run,
/// answer health-path and pass the smoke probe. When it does not, it is removed and the old container renamed
/// back and started — the previous image and configuration, the same data. Only then is the old one removed.
/// </summary>
public static class RecreateDeploy
{
    public const string AsideSuffix = ".deploy-previous";

    public static async Task<DeployResult> RunAsync(DeployContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var name = context.ServiceName;
        var aside = name + AsideSuffix;
        var old = await context.InspectAsync(name, cancellationToken).ConfigureAwait(false);
        var oldImage = old is null ? null : await ImageFacts.InspectAsync(context.Docker, old.Image, cancellationToken).ConfigureAwait(false);
        var template = (old is null ? ServiceTemplate.Empty : ServiceTemplate.From(old, oldImage)).Apply(options.Overrides);
        var parameters = template.ToParameters(name, context.Image.Reference, context.Labels("service", null));
        var hash = ServiceTemplate.Hash(parameters);
        var previous = old?.Config?.Image ?? string.Empty;

        await context.SaveAsync(context.Record with
        {
            Strategy = "recreate",
            Phase = DeployPhase.Replacing,
            LiveSlot = null,
            LiveImage = old is null ? null : previous,
            LiveImageId = old?.Image,
            Candidate = aside,
            CandidateImage = context.Image.Reference,
            CandidateImageId = context.Image.Id,
            CandidateConfigHash = hash,
        }, cancellationToken).ConfigureAwait(false);
        if (old is not null)
        {
            await context.RemoveAsync(aside, cancellationToken).ConfigureAwait(false);
            await context.Docker.Containers.StopContainerAsync(old.ID, new ContainerStopParameters { WaitBeforeKillSeconds = DeployContext.StopSeconds }, cancellationToken).ConfigureAwait(false);
            await context.Docker.Containers.RenameContainerAsync(old.ID, new ContainerRenameParameters { NewName = aside }, cancellationToken).ConfigureAwait(false);
            context.Step($"stopped {name} ({previous}) and set it aside as {aside}");
        }

        await context.PauseAsync("replacing", cancellationToken).ConfigureAwait(false);
        var problem = await StartAndCheckAsync(context, parameters, cancellationToken).ConfigureAwait(false);
        if (problem.Failure is { } failure)
        {
            context.Core.WriteError($"The new container failed: {failure}");
            return await PutBackAsync(context, old, previous, failure, problem.Checks, cancellationToken).ConfigureAwait(false);
        }

        await context.SaveAsync(context.Record with { Phase = DeployPhase.Replaced }, cancellationToken).ConfigureAwait(false);
        if (old is not null)
        {
            await context.RemoveAsync(old.ID, cancellationToken).ConfigureAwait(false);
            context.Step($"removed the previous container ({previous}); its volumes stay");
        }

        await context.SaveAsync(context.Record.Settled() with
        {
            LiveImage = context.Image.Reference,
            LiveImageId = context.Image.Id,
            LiveDigest = context.Image.Digest,
            ConfigHash = hash,
            PreviousImage = old is null ? null : previous,
            PreviousImageId = old?.Image,
            PreviousDigest = oldImage?.RepoDigests?.FirstOrDefault() ?? old?.Image,
        }, cancellationToken).ConfigureAwait(false);
        return new DeployResult
        {
            Outcome = DeployOutcome.Succeeded,
            Message = $"{name} runs {context.Image.Reference}",
            DeployedImage = context.Image.Reference,
            PreviousImage = previous,
            CutoverAt = problem.StartedAt,
            PreCutover = problem.Checks,
        };
    }

    /// <summary>Creates and starts the new container, waits until healthy, runs the smoke probe; the first failure, if any.</summary>
    private static async Task<(string? Failure, PreCutoverResult? Checks, DateTimeOffset? StartedAt)> StartAndCheckAsync(DeployContext context, CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        string id;
        try
        {
            id = await context.StartNewAsync(parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Docker.DotNet.DockerApiException e)
        {
            return ($"the engine could not create or start it: {e.ResponseBody?.Trim() ?? e.Message}", null, null);
        }

        var started = DateTimeOffset.UtcNow;
        context.Step($"started {context.ServiceName} from {context.Image.Reference}");
        if (await context.WaitHealthyAsync(id, context.HealthUrl(context.Options.ServiceUrl), cancellationToken).ConfigureAwait(false) is { } unhealthy)
        {
            return (unhealthy, null, started);
        }

        context.Step($"{context.Options.Health.Path} answers");
        var checks = await PreCutoverChecks.RunAsync(context.Http.Probe, context.Options.ServiceUrl, context.Options.Health.Smoke, context.UploadToken(parameters), [], TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        if (checks.Failure is { } failure)
        {
            return (failure, checks, started);
        }

        if (context.Options.Health.Smoke)
        {
            context.Step("the smoke probe passed");
        }

        return (null, checks, started);
    }

    /// <summary>Removes the new container and brings the old one back under its name.</summary>
    private static async Task<DeployResult> PutBackAsync(DeployContext context, ContainerInspectResponse? old, string previous, string failure, PreCutoverResult? checks, CancellationToken cancellationToken)
    {
        var name = context.ServiceName;
        await context.RemoveAsync(name, CancellationToken.None, graceSeconds: 5).ConfigureAwait(false);
        context.Step($"removed the new container of {context.Image.Reference}");
        if (old is null)
        {
            await context.SaveAsync(context.Record.Settled(), CancellationToken.None).ConfigureAwait(false);
            return new DeployResult { Outcome = DeployOutcome.Failed, Message = $"the first deploy of {name} failed: {failure}", Reason = failure, PreCutover = checks };
        }

        var restored = await Restore(context, old.ID, CancellationToken.None).ConfigureAwait(false);
        await context.SaveAsync(context.Record.Settled(), CancellationToken.None).ConfigureAwait(false);
        return restored is null
            ? new DeployResult { Outcome = DeployOutcome.RolledBack, Message = $"rolled back: {name} runs {previous} again", Reason = failure, DeployedImage = previous, PreviousImage = previous, PreCutover = checks }
            : new DeployResult { Outcome = DeployOutcome.Failed, Message = $"the deploy failed ({failure}) and so did putting {previous} back ({restored})", Reason = $"{failure}; putting the previous container back failed: {restored}", PreviousImage = previous, PreCutover = checks };
    }

    /// <summary>Renames the set-aside container back and starts it; null when it answers again, else why not.</summary>
    public static async Task<string?> Restore(DeployContext context, string asideId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Docker.Containers.RenameContainerAsync(asideId, new ContainerRenameParameters { NewName = context.ServiceName }, cancellationToken).ConfigureAwait(false);
        await context.Docker.Containers.StartContainerAsync(asideId, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        var problem = await context.WaitHealthyAsync(asideId, context.HealthUrl(context.Options.ServiceUrl), cancellationToken).ConfigureAwait(false);
        context.Step(problem is null ? $"renamed the previous container back to {context.ServiceName}, started it, and it answers" : $"the previous container did not come back: {problem}");
        return problem;
    }
}
