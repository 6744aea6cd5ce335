using System.Text.RegularExpressions;
using Docker.DotNet;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy.Verification;

/// <summary>
/// Counts the error lines a container logs from a point in time on, a stretch at a time through the Docker logs
/// API. An error line is one of Tailpaste's event lines at level ERROR or FATAL; for other programs, a line that is
/// neither an event nor an access line and contains error, exception, fatal or panic as a word. Access lines never
/// count (a 5xx answer has its own ERROR event line).
/// </summary>
public sealed partial class LogErrorCounter(IDockerClient docker, string containerId, DateTimeOffset since)
{
    private DateTimeOffset _lastSeen = since - TimeSpan.FromTicks(1);

    public int Count { get; private set; }

    /// <summary>A few of the error lines counted, for the report (each cut to 200 characters).</summary>
    public List<string> Examples { get; } = [];

    public async Task<int> ReadNewAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ContainerLogLine> lines;
        try
        {
            lines = await ContainerLogReader.ReadAsync(docker, containerId, new ContainerLogQuery { Since = _lastSeen, Timestamps = true, MaxLines = 50_000 }, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            return Count;
        }

        foreach (var line in lines)
        {
            if (line.Timestamp is not { } at || at <= _lastSeen)
            {
                continue;
            }

            _lastSeen = at;
            if (IsError(line.Text))
            {
                Count++;
                if (Examples.Count < 3)
                {
                    Examples.Add(line.Text.Length <= 200 ? line.Text : line.Text[..200] + "…");
                }
            }
        }

        return Count;
    }

    public static bool IsError(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (EventLine().Match(line) is { Success: true } match)
        {
            return match.Groups["level"].Value is "ERROR" or "FATAL";
        }

        return !AccessLine().IsMatch(line) && ErrorWord().IsMatch(line);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z (?<level>TRACE|DEBUG|INFO|WARN|ERROR|FATAL) ", RegexOptions.CultureInvariant)]
    private static partial Regex EventLine();

    [GeneratedRegex(@"^\S+ \S+ \S+ \[[^\]]+\] """, RegexOptions.CultureInvariant)]
    private static partial Regex AccessLine();

    [GeneratedRegex(@"\b(error|exception|fatal|panic)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ErrorWord();
}
