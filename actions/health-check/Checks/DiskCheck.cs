using System.Globalization;
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
            if (usage.UsedPercent > options.Disk.FailPercent)
            {
                recorder.Error(string.Create(CultureInfo.InvariantCulture, $"{label} ({path}) is {usage.UsedPercent:0.0} % full, over {options.Disk.FailPercent:0.#} %"));
            }
            else if (usage.UsedPercent > options.Disk.WarnPercent)
            {
                recorder.Warning(string.Create(CultureInfo.InvariantCulture, $"{label} is {usage.UsedPercent:0.0} % full, over {options.Disk.WarnPercent:0.#} %"));
            }
        }

        if (usages.Count < targets.Count)
        {
            recorder.Error($"df reported {usages.Count} of {targets.Count} file systems: {output.Trim()}");
        }

        recorder.Measure(worst, options.Disk.FailPercent, "percent");
        recorder.Metric("filesystems", filesystems);
        recorder.Metric("warn_percent", options.Disk.WarnPercent);
        recorder.Message = string.Create(CultureInfo.InvariantCulture, $"fullest file system {worst:0.0} % used");
    }

    private static async Task<string> RunDfAsync(CheckContext context, string serviceId, string dockerRoot, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var exit = await SiblingContainer.RunOnceAsync(
            context.Docker,
            new SiblingContainerSpec(context.Options.DiskCheckImage)
            {
                ImageSource = "disk-check-image",
                Entrypoint = ["df"],
                Command = ["-P", .. paths],
                Labels = context.Options.SiblingLabels,
                VolumesFrom = [serviceId + ":ro"],
                Binds = [$"{dockerRoot}:{DockerRootMount}:ro"],
            },
            TimeSpan.FromSeconds(30),
            cancellationToken,
            maxOutputLines: 1000).ConfigureAwait(false);
        var text = string.Join('\n', exit.Lines.Select(l => l.Text));
        return exit.ExitCode == 0 || text.Contains('%', StringComparison.Ordinal)
            ? text
            : throw new InvalidDataException($"df in {context.Options.DiskCheckImage} exited with {exit.ExitCode}: {text}");
    }
}
