using Docker.DotNet;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy.Proxy;

/// <summary>
/// Reads the proxy's access log through the Docker logs API, a stretch at a time: each read returns the requests
/// logged since the last one (by the engine's timestamps), so a poller sees each request once.
/// </summary>
public sealed class ProxyLog(IDockerClient docker, string proxyId, DateTimeOffset since)
{
    private const int MaxLinesPerRead = 50_000;

    private DateTimeOffset _lastSeen = since - TimeSpan.FromTicks(1);

    /// <summary>The requests logged since the last read (or since the start).</summary>
    public async Task<IReadOnlyList<ProxyLogEntry>> ReadNewAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ContainerLogLine> lines;
        try
        {
            lines = await ContainerLogReader.ReadAsync(docker, proxyId, new ContainerLogQuery { Since = _lastSeen, Timestamps = true, MaxLines = MaxLinesPerRead }, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            return [];
        }

        var entries = new List<ProxyLogEntry>();
        foreach (var line in lines)
        {
            // The engine's since is inclusive: a line at the last time seen was read already.
            if (line.Stream != ContainerLogStream.StandardOutput || line.Timestamp is not { } at || at <= _lastSeen)
            {
                continue;
            }

            if (ProxyLogEntry.TryParse(line.Text) is { } entry)
            {
                entries.Add(entry);
            }
        }

        if (lines.LastOrDefault(line => line.Timestamp is not null)?.Timestamp is { } last && last > _lastSeen)
        {
            _lastSeen = last;
        }

        return entries;
    }
}
