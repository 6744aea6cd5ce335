using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.Deploy.Containers;
using Tailpaste.Deploy.Proxy;
using Tailpaste.Deploy.Record;
using Tailpaste.Deploy.Verification;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy.Strategies;

/// <summary>What the steps of one deploy share: the options, the runner contract, the engine, the image, the record and the log of steps taken.</summary>
public sealed class DeployContext(DeployOptions options, ActionCore core, IDockerClient docker, DeployHttp http, ImageFacts image, DeployVolume volume, RecordStore records)
{
    public const int StopSeconds = 30;

    public DeployOptions Options { get; } = options;

    public ActionCore Core { get; } = core;

    public IDockerClient Docker { get; } = docker;

    public DeployHttp Http { get; } = http;

    public ImageFacts Image { get; } = image;

    public DeployVolume Volume { get; } = volume;

    public RecordStore Records { get; } = records;

    /// <summary>Every step taken, in order, for the report and the summary.</summary>
    public List<string> Steps { get; } = [];

    /// <summary>Every change of the proxy's routes, in order, for the report.</summary>
    public List<ProxyChange> ProxyChanges { get; } = [];

    /// <summary>The newest record, as written or read.</summary>
    public DeployRecord Record { get; set; } = DeployRecord.Empty(options.ContainerName, options.Strategy == Strategy.Recreate ? "recreate" : "blue-green");

    public string ServiceName => Options.ContainerName;

    /// <summary>Labels of a container with this role, carrying the image's version and commit.</summary>
    public Dictionary<string, string> Labels(string role, string? slot) => DeployLabels.For(ServiceName, role, slot, Image, Options.Overrides.Labels);

    public Uri HealthUrl(Uri baseUrl) => new(baseUrl, Options.Health.Path);

    /// <summary>service-url with the preview port: where the proxy serves the version not (yet, or no longer) live.</summary>
    public Uri PreviewUrl => new UriBuilder(Options.ServiceUrl) { Port = Options.Proxy.PreviewPort, Query = string.Empty, Fragment = string.Empty }.Uri;

    public ReverseProxy Proxy() => new(Docker, Volume, ServiceName, Options.Proxy.Image, Options.Proxy.Port, Options.Proxy.PreviewPort, Labels("proxy", null))
    {
        Applied = ProxyChanges.Add,
    };

    /// <summary>
    /// The token the smoke probe uploads with: upload-token, else the new container's UPLOAD_TOKEN (Tailpaste's own
    /// variable); registered as a secret either way, so no line shows it.
    /// </summary>
    public string? UploadToken(CreateContainerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var token = Options.Health.UploadToken
            ?? parameters.Env?.LastOrDefault(v => v.StartsWith("UPLOAD_TOKEN=", StringComparison.Ordinal))?["UPLOAD_TOKEN=".Length..];
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        Core.SetSecret(token);
        return token;
    }

    public void Step(string text)
    {
        Steps.Add(text);
        Core.WriteInfo(text);
    }

    public async Task SaveAsync(DeployRecord record, CancellationToken cancellationToken)
    {
        Record = await Records.WriteAsync(record with { Run = Options.Run.ToString(), UpdatedAt = DateTimeOffset.UtcNow }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Test-only: waits at <paramref name="phase"/> until the run is killed, when TAILPASTE_TEST_PAUSE_AT names it.</summary>
    public async Task PauseAsync(string phase, CancellationToken cancellationToken)
    {
        if (Options.PauseAt == phase)
        {
            Core.WriteInfo($"paused at {phase}");
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<ContainerInspectResponse?> InspectAsync(string name, CancellationToken cancellationToken) =>
        Docker.Containers.InspectOrNullAsync(name, cancellationToken);

    /// <summary>Creates and starts a container; its id.</summary>
    public async Task<string> StartNewAsync(CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var created = await Docker.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false);
        await Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        return created.ID;
    }

    /// <summary>Stops (with the grace period) and removes a container, its volumes kept; nothing when it does not exist.</summary>
    public async Task RemoveAsync(string nameOrId, CancellationToken cancellationToken, int graceSeconds = StopSeconds)
    {
        try
        {
            await Docker.Containers.StopContainerAsync(nameOrId, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)graceSeconds }, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            return;
        }
        catch (DockerApiException e) when (e.StatusCode is HttpStatusCode.NotModified or HttpStatusCode.Conflict)
        {
            // Already stopped, or being removed.
        }

        try
        {
            await Docker.Containers.RemoveContainerAsync(nameOrId, new ContainerRemoveParameters { Force = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Gone meanwhile.
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // The engine is removing it already.
        }
    }

    /// <summary>Waits until the container runs and answers <paramref name="healthUrl"/>; null when healthy, else why not.</summary>
    public Task<string?> WaitHealthyAsync(string containerId, Uri healthUrl, CancellationToken cancellationToken) =>
        ContainerReadiness.WaitAsync(Docker, Http.Probe, containerId, healthUrl, healthUrl.AbsolutePath, only200: false, Options.Health.Timeout, cancellationToken);

    public static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
