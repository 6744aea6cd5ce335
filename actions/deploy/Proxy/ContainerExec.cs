using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy.Proxy;

/// <summary>Runs a command inside a running container through the Engine API (an argument vector, never a shell line); its exit code and output.</summary>
public static class ContainerExec
{
    public static async Task<(long ExitCode, string Output)> RunAsync(IDockerClient docker, string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var exec = await docker.Exec.CreateContainerExecAsync(
            containerId,
            new ContainerExecCreateParameters { Cmd = [.. command], AttachStdout = true, AttachStderr = true },
            cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var stream = await docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), deadline.Token).ConfigureAwait(false);
        var lines = await ContainerLogReader.ReadLinesAsync(stream, timestamps: false, maxLines: 200, deadline.Token).ConfigureAwait(false);
        var inspect = await docker.Exec.InspectContainerExecAsync(exec.ID, cancellationToken).ConfigureAwait(false);
        // No exit code means the command never ran to its end: not a success.
        return (inspect.ExitCode ?? -1, string.Join(" | ", lines.Select(line => line.Text).Where(text => text.Length > 0)));
    }

    /// <summary>Runs the command and throws <see cref="InvalidOperationException"/> naming it and its output unless it exits 0.</summary>
    public static async Task RunCheckedAsync(IDockerClient docker, string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (exit, output) = await RunAsync(docker, containerId, command, timeout, cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"`{string.Join(' ', command)}` in the proxy exited with {exit}: {output}"));
        }
    }
}
