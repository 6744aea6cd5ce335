using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;

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
        var exec = await docker.Exec.ExecCreateContainerAsync(
            service.ID,
            new ContainerExecCreateParameters { Cmd = ["tailscale", "status", "--json"], AttachStdout = true, AttachStderr = true },
            cancellationToken).ConfigureAwait(false);
        using var stream = await docker.Exec.StartAndAttachContainerExecAsync(exec.ID, tty: false, cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(context.Options.ResponseTimeout);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, deadline.Token).ConfigureAwait(false);
            if (read.EOF)
            {
                break;
            }

            var target = read.Target == Docker.DotNet.MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
            if (target.Length < MaxOutputBytes)
            {
                target.Write(buffer, 0, read.Count);
            }
        }

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

        using (document)
        {
            var root = document.RootElement;
            var backend = root.TryGetProperty("BackendState", out var state) ? state.GetString() : null;
            var self = root.TryGetProperty("Self", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
            var online = self.ValueKind == JsonValueKind.Object && self.TryGetProperty("Online", out var o) && o.ValueKind == JsonValueKind.True;
            var hostName = self.ValueKind == JsonValueKind.Object && self.TryGetProperty("HostName", out var h) ? h.GetString() : null;
            var addresses = self.ValueKind == JsonValueKind.Object && self.TryGetProperty("TailscaleIPs", out var ips) && ips.ValueKind == JsonValueKind.Array
                ? ips.EnumerateArray().Select(ip => ip.GetString()).OfType<string>().ToList()
                : [];
            var peers = root.TryGetProperty("Peer", out var p) && p.ValueKind == JsonValueKind.Object ? p.EnumerateObject().Select(x => x.Value).ToList() : [];
            var peersOnline = peers.Count(peer => peer.TryGetProperty("Online", out var po) && po.ValueKind == JsonValueKind.True);
            recorder.Measure(peersOnline, null, "peers online");
            recorder.Metric("backend_state", backend);
            recorder.Metric("online", online);
            recorder.Metric("hostname", hostName);
            recorder.Metric("tailscale_ips", addresses);
            recorder.Metric("peers", peers.Count);
            recorder.Metric("peers_online", peersOnline);
            if (backend != "Running")
            {
                recorder.Error($"tailscale is {backend ?? "in an unknown state"}, not Running");
            }
            else if (!online)
            {
                recorder.Error("tailscale runs but this node is offline");
            }

            recorder.Message = $"{hostName ?? "this node"} online, {peersOnline} of {peers.Count} peers online";
        }
    }
}
