using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.BackupRestore.Engine;
using Tailpaste.BackupRestore.Helper;
using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>
/// The proof that a backup restores: its saved image started in a scratch container, with no network at all,
/// on a copy of its database in a scratch volume; a helper in the scratch container's network namespace waits
/// for it to answer, counts the rows its database holds, and runs the smoke probe. The scratch container and
/// volume are always removed, and the outcome goes into the manifest. Secret variables are left out, so the
/// scratch service takes uploads without a token and can reach nothing.
/// </summary>
public static class RestoreDrill
{
    public const string ScratchMount = "/scratch";
    public const int DefaultPort = 8080;

    public static async Task<(BackupManifest Manifest, DrillRecord Drill)> RunAsync(ModeContext context, BackupManifest manifest, ContainerSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(snapshot);
        var clock = Stopwatch.StartNew();
        var drill = await DrillAsync(context, manifest, snapshot, clock, cancellationToken).ConfigureAwait(false);
        var helper = await context.HelperAsync(cancellationToken).ConfigureAwait(false);
        var recorded = await helper.RunAsync<BackupManifest>(
            RecordDrillOperation.OperationName,
            ["--folder", BackupStore.BackupFolder(context.Service, manifest.Id), "--drill", StoreJson.Serialize(drill)],
            context.StoreOnly(readOnly: false),
            ModeContext.ShortHelperTimeout,
            cancellationToken).ConfigureAwait(false);
        return (recorded, drill);
    }

    private static async Task<DrillRecord> DrillAsync(ModeContext context, BackupManifest manifest, ContainerSnapshot snapshot, Stopwatch clock, CancellationToken cancellationToken)
    {
        var docker = context.Docker;
        var helper = await context.HelperAsync(cancellationToken).ConfigureAwait(false);
        var suffix = $"{manifest.Id}-{Guid.NewGuid():N}"[..(manifest.Id.Length + 9)];
        var volume = $"tailpaste-drill-{suffix}";
        var database = manifest.Files.First(f => f.Name == BackupManifest.DatabaseFile);
        await docker.Volumes.CreateAsync(new VolumesCreateParameters { Name = volume, Labels = new Dictionary<string, string>(context.Options.SiblingLabels) }, cancellationToken).ConfigureAwait(false);
        string? scratchId = null;
        try
        {
            await helper.RunAsync<ReplaceResult>(
                StageOperation.OperationName,
                [
                    "--source", $"{BackupStore.BackupFolder(context.Service, manifest.Id)}/{BackupManifest.DatabaseFile}",
                    "--target", $"{ScratchMount}/{BackupManifest.DatabaseFile}",
                    "--sha256", database.Sha256,
                ],
                new HelperMounts { Binds = [context.Options.Store.Bind(readOnly: true), $"{volume}:{ScratchMount}"] },
                ModeContext.LongHelperTimeout,
                cancellationToken).ConfigureAwait(false);

            var (parameters, port) = Scratch(context, manifest, snapshot, volume, $"tailpaste-drill-{suffix}");
            scratchId = (await docker.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false)).ID;
            await docker.Containers.StartContainerAsync(scratchId, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            var probe = await helper.RunAsync<ProbeResult>(
                ProbeOperation.OperationName,
                [
                    "--url", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"),
                    "--database", $"{ScratchMount}/{BackupManifest.DatabaseFile}",
                    "--timeout-seconds", context.Options.HealthTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                ],
                new HelperMounts { Binds = [$"{volume}:{ScratchMount}"], NetworkMode = "container:" + scratchId },
                ModeContext.LongHelperTimeout,
                cancellationToken).ConfigureAwait(false);
            var expected = manifest.Database?.Rows;
            var ms = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
            if (!probe.Passed)
            {
                return new DrillRecord(context.Time.GetUtcNow(), false, ms, probe.Rows, $"{snapshot.Image} on the copy: {probe.Detail}");
            }

            return probe.Rows == expected
                ? new DrillRecord(context.Time.GetUtcNow(), true, ms, probe.Rows, $"{probe.Detail}; {probe.Rows} rows, as the manifest says")
                : new DrillRecord(context.Time.GetUtcNow(), false, ms, probe.Rows, $"the restored service holds {Count(probe.Rows)} rows, the manifest says {Count(expected)}");
        }
        catch (HelperException e)
        {
            return new DrillRecord(context.Time.GetUtcNow(), false, Math.Round(clock.Elapsed.TotalMilliseconds, 1), null, e.Message);
        }
        finally
        {
            if (scratchId is not null)
            {
                // With its volumes: every VOLUME of the saved image not covered by the scratch volume got an anonymous one.
                await RemoveQuietlyAsync(() => docker.Containers.RemoveContainerAsync(scratchId, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None)).ConfigureAwait(false);
            }

            await RemoveQuietlyAsync(() => docker.Volumes.RemoveAsync(volume, force: true, CancellationToken.None)).ConfigureAwait(false);
        }
    }

    /// <summary>The scratch container: the saved image and configuration, no network, no secrets, no ports, the scratch volume where the database lives.</summary>
    private static (CreateContainerParameters Parameters, int Port) Scratch(ModeContext context, BackupManifest manifest, ContainerSnapshot snapshot, string volume, string name)
    {
        var parameters = ContainerSnapshots.ToParameters(snapshot, name, manifest.Image.BackupTag, secretsFrom: []);
        // With no network only loopback exists; a service told to listen elsewhere would not start.
        parameters.Env = (parameters.Env ?? []).Select(v => v.StartsWith("LISTEN_ADDRESS=", StringComparison.Ordinal) ? "LISTEN_ADDRESS=127.0.0.1" : v).ToList();
        parameters.Labels = new Dictionary<string, string>(context.Options.SiblingLabels);
        parameters.Healthcheck = null;
        parameters.ExposedPorts = null;
        parameters.HostConfig = new HostConfig
        {
            NetworkMode = "none",
            Binds = [$"{volume}:{manifest.Service.StoragePath}"],
            RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
        };
        return (parameters, Port(snapshot));
    }

    /// <summary>Where Tailpaste listens: LISTEN_PORT, else the first exposed TCP port, else 8080.</summary>
    private static int Port(ContainerSnapshot snapshot)
    {
        var variable = snapshot.Env.LastOrDefault(v => v.StartsWith("LISTEN_PORT=", StringComparison.Ordinal));
        if (variable is not null && int.TryParse(variable["LISTEN_PORT=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            return port;
        }

        var exposed = snapshot.ExposedPorts.FirstOrDefault(p => p.EndsWith("/tcp", StringComparison.Ordinal));
        return exposed is not null && int.TryParse(exposed.Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var exposedPort) ? exposedPort : DefaultPort;
    }

    private static string Count(long? rows) => rows?.ToString(CultureInfo.InvariantCulture) ?? "no";

    private static async Task RemoveQuietlyAsync(Func<Task> remove)
    {
        try
        {
            await remove().ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            // Gone already; the labels let a cleanup find anything left.
        }
    }
}
