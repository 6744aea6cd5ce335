using System.Globalization;
using System.Net;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.Deploy.Record;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy.Proxy;

/// <summary>
/// The nginx reverse proxy in front of a blue-green service: a container the action manages (host network),
/// whose configuration lives in the deploy volume, so a restarted proxy comes back with the last routes. A route
/// change writes the new routes file beside the old one through the archive API, renames it into place inside
/// the container (atomic), checks the configuration (<c>nginx -t</c>) and reloads gracefully
/// (<c>nginx -s reload</c>): old workers finish the requests they have, new workers take the new ones. The
/// reload is confirmed by a worker process that was not there before (nginx keeps the old configuration when
/// the new one cannot be applied).
/// </summary>
public sealed class ReverseProxy(IDockerClient docker, DeployVolume volume, string service, string image, int usersPort, int previewPort, IReadOnlyDictionary<string, string> labels)
{
    private static readonly TimeSpan _execTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan _confirmTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Told of every route change that took effect (the report lists them).</summary>
    public Action<ProxyChange>? Applied { get; init; }

    public string ContainerName => $"{service}-proxy";

    /// <summary>The configuration folder inside the proxy (and the volume holder).</summary>
    public string Folder => $"{DeployVolume.MountPoint}/{service}/proxy";

    /// <summary>The running proxy's id; null when there is none.</summary>
    public async Task<string?> RunningIdAsync(CancellationToken cancellationToken)
    {
        var container = await InspectAsync(cancellationToken).ConfigureAwait(false);
        return container?.State?.Running == true ? container.ID : null;
    }

    /// <summary>
    /// Makes the proxy serve <paramref name="routes"/>: reloads a running proxy, or (re)creates a missing or stopped
    /// one from the configuration written anew. Returns the old workers (those that finish the requests of the
    /// previous routes) and the time the new routes took effect.
    /// </summary>
    public async Task<RouteChange> ApplyAsync(ProxyRoutes routes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var container = await InspectAsync(cancellationToken).ConfigureAwait(false);
        if (container?.State?.Running == true)
        {
            return await ReloadAsync(container.ID, routes, cancellationToken).ConfigureAwait(false);
        }

        if (container is not null)
        {
            await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, cancellationToken).ConfigureAwait(false);
        }

        await volume.WriteAsync($"{service}/proxy/{NginxConfig.MainFile}", Encoding.UTF8.GetBytes(NginxConfig.MainConfig(Folder)), cancellationToken).ConfigureAwait(false);
        await volume.WriteAsync($"{service}/proxy/{NginxConfig.RoutesFile}", Encoding.UTF8.GetBytes(NginxConfig.Routes(routes, usersPort, previewPort)), cancellationToken).ConfigureAwait(false);
        var id = await CreateAsync(cancellationToken).ConfigureAwait(false);
        await volume.WriteAsync($"{service}/proxy/{NginxConfig.ServedRoutesFile}", Encoding.UTF8.GetBytes(NginxConfig.Routes(routes, usersPort, previewPort)), cancellationToken).ConfigureAwait(false);
        var created = new RouteChange(id, new HashSet<string>(), DateTimeOffset.UtcNow);
        Applied?.Invoke(new ProxyChange(created.At, routes.ToString(), Reloaded: false));
        return created;
    }

    /// <summary>
    /// Waits until the workers of the previous routes have finished their requests and exited, or the deadline;
    /// true when they all did.
    /// </summary>
    public async Task<bool> WaitDrainedAsync(RouteChange change, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var workers = await WorkersAsync(change.ProxyId, cancellationToken).ConfigureAwait(false);
            if (workers is null || !workers.Overlaps(change.OldWorkers))
            {
                return true;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<RouteChange> ReloadAsync(string id, ProxyRoutes routes, CancellationToken cancellationToken)
    {
        var main = $"{Folder}/{NginxConfig.MainFile}";
        var file = $"{Folder}/{NginxConfig.RoutesFile}";
        await volume.WriteAsync($"{service}/proxy/{NginxConfig.RoutesFile}.new", Encoding.UTF8.GetBytes(NginxConfig.Routes(routes, usersPort, previewPort)), cancellationToken).ConfigureAwait(false);
        if (await ServesAsync(id, file, cancellationToken).ConfigureAwait(false))
        {
            return new RouteChange(id, new HashSet<string>(), DateTimeOffset.UtcNow);
        }

        await ContainerExec.RunCheckedAsync(docker, id, ["cp", "-f", file, file + ".previous"], _execTimeout, cancellationToken).ConfigureAwait(false);
        await ContainerExec.RunCheckedAsync(docker, id, ["mv", "-f", file + ".new", file], _execTimeout, cancellationToken).ConfigureAwait(false);
        var (test, output) = await ContainerExec.RunAsync(docker, id, ["nginx", "-t", "-c", main], _execTimeout, cancellationToken).ConfigureAwait(false);
        if (test != 0)
        {
            await ContainerExec.RunCheckedAsync(docker, id, ["mv", "-f", file + ".previous", file], _execTimeout, CancellationToken.None).ConfigureAwait(false);
            throw new InvalidOperationException($"the proxy refused the new routes (nginx -t): {output}; it keeps the previous ones");
        }

        var before = await WorkersAsync(id, cancellationToken).ConfigureAwait(false) ?? [];
        await ContainerExec.RunCheckedAsync(docker, id, ["nginx", "-c", main, "-s", "reload"], _execTimeout, cancellationToken).ConfigureAwait(false);
        var deadline = DateTimeOffset.UtcNow + _confirmTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var now = await WorkersAsync(id, cancellationToken).ConfigureAwait(false) ?? [];
            if (now.Except(before).Any())
            {
                var change = new RouteChange(id, before, DateTimeOffset.UtcNow);
                await ContainerExec.RunCheckedAsync(docker, id, ["cp", "-f", file, $"{Folder}/{NginxConfig.ServedRoutesFile}"], _execTimeout, cancellationToken).ConfigureAwait(false);
                Applied?.Invoke(new ProxyChange(change.At, routes.ToString(), Reloaded: true));
                return change;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        var lines = await ContainerReadiness.LastLinesAsync(docker, id).ConfigureAwait(false);
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the proxy did not take the new routes within {_confirmTimeout.TotalSeconds:0} s (no new worker started); its last lines: {lines}"));
    }

    /// <summary>
    /// True when the running proxy already serves the routes just written beside <paramref name="file"/>: the routes
    /// file holds them and so does the copy made once nginx confirmed them. Every reload closes users' idle
    /// kept-alive connections (a request arriving on one just then is reset), so such routes are not reloaded again.
    /// A run killed between renaming the routes file into place and the reload leaves the two apart: the next
    /// change reloads.
    /// </summary>
    private async Task<bool> ServesAsync(string id, string file, CancellationToken cancellationToken)
    {
        var served = $"{Folder}/{NginxConfig.ServedRoutesFile}";
        var (sameFile, _) = await ContainerExec.RunAsync(docker, id, ["cmp", "-s", file + ".new", file], _execTimeout, cancellationToken).ConfigureAwait(false);
        if (sameFile != 0)
        {
            return false;
        }

        var (sameServed, _) = await ContainerExec.RunAsync(docker, id, ["cmp", "-s", file + ".new", served], _execTimeout, cancellationToken).ConfigureAwait(false);
        return sameServed == 0;
    }

    private async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var created = await docker.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = ContainerName,
                Image = image,
                Entrypoint = ["nginx"],
                Cmd = ["-c", $"{Folder}/{NginxConfig.MainFile}", "-g", "daemon off;"],
                Labels = new Dictionary<string, string>(labels),
                StopSignal = "SIGQUIT",
                HostConfig = new HostConfig
                {
                    NetworkMode = "host",
                    Binds = [$"{volume.Name}:{DeployVolume.MountPoint}"],
                    RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.UnlessStopped },
                    LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "50m", ["max-file"] = "3" } },
                },
            },
            cancellationToken).ConfigureAwait(false);
        await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);

        // nginx exits at once when it cannot bind a port or read its configuration.
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            var state = (await docker.Containers.InspectContainerAsync(created.ID, cancellationToken).ConfigureAwait(false)).State;
            if (state is { Running: false, Restarting: false } || state?.Restarting == true)
            {
                throw new InvalidOperationException($"the proxy {ContainerName} stopped right after it started (is port {usersPort} or {previewPort} taken?): {await ContainerReadiness.LastLinesAsync(docker, created.ID).ConfigureAwait(false)}");
            }
        }

        return created.ID;
    }

    /// <summary>The ids of the proxy's worker processes; null when the proxy does not run.</summary>
    private async Task<HashSet<string>?> WorkersAsync(string id, CancellationToken cancellationToken)
    {
        ContainerProcessesResponse processes;
        try
        {
            processes = await docker.Containers.ListProcessesAsync(id, new ContainerListProcessesParameters(), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.InternalServerError)
        {
            return null;
        }

        var titles = processes.Titles?.ToList() ?? [];
        var pid = titles.IndexOf("PID");
        var command = Math.Max(titles.IndexOf("CMD"), titles.IndexOf("COMMAND"));
        if (pid < 0 || command < 0)
        {
            return [];
        }

        return [.. (processes.Processes ?? [])
            .Where(row => row.Count > Math.Max(pid, command) && row[command].Contains("worker process", StringComparison.Ordinal))
            .Select(row => row[pid])];
    }

    private Task<ContainerInspectResponse?> InspectAsync(CancellationToken cancellationToken) =>
        docker.Containers.InspectOrNullAsync(ContainerName, cancellationToken);
}
