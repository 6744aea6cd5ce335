using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;
using Tailpaste.Shared.Docker;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// <c>tailscale status --json</c> run inside the service container through the Docker exec API: the backend must
/// be Running and this node online; hostname, addresses and peers (online of total) are reported.
/// </summary>
public sealed class TailscaleCheck : IHealthCheck
{
    private const int MaxOutputBytes = 4 * 1024 * 1024;

    public string Name => CheckNames.Tailscale;

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var service = await context.RequireServiceContainerAsync(cancellationToken).ConfigureAwait(false);
        if (service.State is not { Running: true })
        {
            recorder.Error($"the service container is {service.State?.Status ?? "not running"}, so tailscale cannot be asked");
            return;
        }

        var docker = context.Docker;
        var exec = await docker.Exec.CreateContainerExecAsync(
            service.ID,
            new ContainerExecCreateParameters { Cmd = ["tailscale", "status", "--json"], AttachStdout = true, AttachStderr = true },
            cancellationToken).ConfigureAwait(false);
        using var stream = await docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(context.Options.ResponseTimeout);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        await MultiplexedOutput.ReadAsync(stream, (from, bytes) =>
        {
            var target = from == ContainerLogStream.StandardError ? stderr : stdout;
            if (target.Length < MaxOutputBytes)
            {
                target.Write(bytes.Span);
            }

            // Read to the end even past the limit, so the exec finishes and its exit code is known.
            return true;
        }, deadline.Token).ConfigureAwait(false);

        var inspect = await docker.Exec.InspectContainerExecAsync(exec.ID, cancellationToken).ConfigureAwait(false);
        if (inspect.ExitCode != 0)
        {
            var message = Encoding.UTF8.GetString(stderr.ToArray()).Trim();
            recorder.Error($"tailscale status failed (exit code {inspect.ExitCode}){(message.Length > 0 ? ": " + message : string.Empty)}");
            return;
        }

        Evaluate(stdout.ToArray(), recorder);
    }

    internal static void Evaluate(byte[] json, CheckRecorder recorder)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            recorder.Error($"tailscale status --json printed no JSON: {e.Message}");
            return;
        }

        TailscaleStatus status;
        using (document)
        {
            try
            {
                status = TailscaleStatus.Parse(document.RootElement);
            }
            catch (InvalidDataException e)
            {
                recorder.Error($"tailscale status --json printed JSON of another shape: {e.Message}");
                return;
            }
        }

        recorder.Measure(status.PeersOnline, null, "peers online");
        recorder.Metric("backend_state", status.BackendState);
        recorder.Metric("online", status.Online);
        recorder.Metric("hostname", status.HostName);
        recorder.Metric("tailscale_ips", status.Addresses);
        recorder.Metric("peers", status.Peers);
        recorder.Metric("peers_online", status.PeersOnline);
        if (status.BackendState != "Running")
        {
            recorder.Error($"tailscale is {status.BackendState ?? "in an unknown state"}, not Running");
        }
        else if (!status.Online)
        {
            recorder.Error("tailscale runs but this node is offline");
        }

        recorder.Message = $"{status.HostName ?? "this node"} online, {status.PeersOnline} of {status.Peers} peers online";
    }
}
