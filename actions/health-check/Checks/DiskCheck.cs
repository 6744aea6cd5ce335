using System.Globalization;
using Docker.DotNet.Models;
using Tailpaste.HealthCheck.Containers;
using Tailpaste.Shared.Docker;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// Free space where the service's data and the engine's data root live, seen through a short-lived sibling
/// container: it shares the service container's volumes (VolumesFrom, read-only), mounts the engine's
/// DockerRootDir read-only, has no network, and runs <c>df -P</c>. Works the same against a remote engine and
/// from inside a container action, which can see neither path itself.
/// </summary>
public sealed class DiskCheck : IHealthCheck
{
    public const string DockerRootMount = "/tailpaste-docker-root";

    public string Name => CheckNames.Disk;

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var options = context.Options;
        var service = await context.RequireServiceContainerAsync(cancellationToken).ConfigureAwait(false);
        var info = await context.Docker.System.GetSystemInfoAsync(cancellationToken).ConfigureAwait(false);
        var targets = new List<(string Label, string Path)> { ("docker data root " + info.DockerRootDir, DockerRootMount) };
        foreach (var mount in service.Mounts ?? [])
        {
            targets.Add(($"service {mount.Destination}", mount.Destination));
        }

        var output = await RunDfAsync(context, service.ID, info.DockerRootDir, targets.Select(t => t.Path).ToList(), cancellationToken).ConfigureAwait(false);
        var usages = DfOutput.Parse(output);
        var filesystems = new List<Dictionary<string, object?>>();
        double worst = 0;
        for (var i = 0; i < targets.Count && i < usages.Count; i++)
        {
            var (label, path) = targets[i];
            var usage = usages[i];
            worst = Math.Max(worst, usage.UsedPercent);
            filesystems.Add(new Dictionary<string, object?>
            {
                ["location"] = label,
                ["used_percent"] = Math.Round(usage.UsedPercent, 1),
                ["available_bytes"] = usage.AvailableBytes,
                ["size_bytes"] = usage.SizeBytes,
            });
            if (usage.UsedPercent > options.DiskFailPercent)
            {
                recorder.Error(string.Create(CultureInfo.InvariantCulture, $"{label} ({path}) is {usage.UsedPercent:0.0} % full, over {options.DiskFailPercent:0.#} %"));
            }
            else if (usage.UsedPercent > options.DiskWarnPercent)
            {
                recorder.Warning(string.Create(CultureInfo.InvariantCulture, $"{label} is {usage.UsedPercent:0.0} % full, over {options.DiskWarnPercent:0.#} %"));
            }
        }

        if (usages.Count < targets.Count)
        {
            recorder.Error($"df reported {usages.Count} of {targets.Count} file systems: {output.Trim()}");
        }

        recorder.Measure(worst, options.DiskFailPercent, "percent");
        recorder.Metric("filesystems", filesystems);
        recorder.Metric("warn_percent", options.DiskWarnPercent);
        recorder.Message = string.Create(CultureInfo.InvariantCulture, $"fullest file system {worst:0.0} % used");
    }

    private static async Task<string> RunDfAsync(CheckContext context, string serviceId, string dockerRoot, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var docker = context.Docker;
        var createdId = await SiblingContainers.CreateAsync(
            docker,
            new CreateContainerParameters
            {
                Image = context.Options.DiskCheckImage,
                Entrypoint = ["df"],
                Cmd = ["-P", .. paths],
                Labels = new Dictionary<string, string>(context.Options.SiblingLabels),
                HostConfig = new HostConfig
                {
                    NetworkMode = "none",
                    VolumesFrom = [serviceId + ":ro"],
                    Binds = [$"{dockerRoot}:{DockerRootMount}:ro"],
                },
            },
            cancellationToken).ConfigureAwait(false);
        try
        {
            await docker.Containers.StartContainerAsync(createdId, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(30));
            var exit = await docker.Containers.WaitContainerAsync(createdId, deadline.Token).ConfigureAwait(false);
            var lines = await ContainerLogReader.ReadAsync(docker, createdId, new ContainerLogQuery { MaxLines = 1000 }, cancellationToken).ConfigureAwait(false);
            var text = string.Join('\n', lines.Select(l => l.Text));
            return exit.StatusCode == 0 || text.Contains('%', StringComparison.Ordinal)
                ? text
                : throw new InvalidDataException($"df in {context.Options.DiskCheckImage} exited with {exit.StatusCode}: {text}");
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(createdId, new ContainerRemoveParameters { Force = true }, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
