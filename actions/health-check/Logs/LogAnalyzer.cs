using System.Globalization;

namespace Tailpaste.HealthCheck.Logs;

/// <summary>
/// Streaming analysis of the service's log, one line at a time, in constant memory: counters, a bounded
/// top-N of paths, a bounded distinct count of client addresses and a short ring of recent errors.
/// Understands the service's two line shapes — access lines (Combined Log Format plus the duration) and
/// event lines (<c>2025-11-23T09:01:02.345Z ERROR Source: message</c>) — and, for any other program's lines,
/// the words error/exception/fatal and warn.
/// </summary>
public sealed class LogAnalyzer
{
    public const int TopPathCount = 10;
    private const int TrackedPaths = 64;
    private const int MaxMethods = 16;
    private const int MaxStatusCodes = 64;
    private const int RecentErrorCount = 5;
    private const int RecentErrorLength = 300;

    private readonly Dictionary<string, long> _methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _methodLookup;
    private readonly Dictionary<int, long> _statusCodes = [];
    private readonly SpaceSavingCounter _paths = new(TrackedPaths);
    private readonly DistinctCounter _clients = new();
    private readonly long[] _errorsByCategory = new long[Enum.GetValues<ErrorCategory>().Length];
    private readonly Queue<string> _recentErrors = new();
    private long _lines;
    private long _requests;
    private long _serverErrors;
    private long _errors;
    private long _warnings;

    public LogAnalyzer()
    {
        _methodLookup = _methods.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public long ErrorCount => _errors;

    public void AddLine(ReadOnlySpan<char> line)
    {
        _lines++;
        if (TryAccessLine(line))
        {
            return;
        }

        switch (EventLevel(line))
        {
            case LineLevel.Error:
                AddError(line);
                break;
            case LineLevel.Warning:
                _warnings++;
                break;
            default:
                break;
        }
    }

    public LogStatistics Snapshot() => new()
    {
        TotalLines = _lines,
        Requests = _requests,
        RequestsByMethod = new Dictionary<string, long>(_methods, StringComparer.Ordinal),
        StatusCodes = _statusCodes.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value, StringComparer.Ordinal),
        TopPaths = _paths.Top(TopPathCount).Select(p => new PathCount(p.Key, p.Value)).ToList(),
        UniqueClientIps = _clients.Count,
        UniqueClientIpsEstimated = _clients.IsEstimate,
        ServerErrors = _serverErrors,
        ErrorCount = _errors,
        WarningCount = _warnings,
        ErrorsByCategory = Enum.GetValues<ErrorCategory>().ToDictionary(ErrorClassifier.NameOf, c => _errorsByCategory[(int)c], StringComparer.Ordinal),
        RecentErrors = _recentErrors.ToList(),
    };

    private void AddError(ReadOnlySpan<char> line)
    {
        _errors++;
        _errorsByCategory[(int)ErrorClassifier.Classify(line)]++;
        if (_recentErrors.Count == RecentErrorCount)
        {
            _recentErrors.Dequeue();
        }

        _recentErrors.Enqueue(line.Length <= RecentErrorLength ? line.ToString() : string.Concat(line[..RecentErrorLength], "…"));
    }

    // 127.0.0.1 - user [23/Nov/2025:09:01:02 +0000] "GET /path HTTP/1.1" 200 33 "-" "curl/8.5.0" 4.217
    private bool TryAccessLine(ReadOnlySpan<char> line)
    {
        var space = line.IndexOf(' ');
        var quote = line.IndexOf('"');
        if (space <= 0 || quote < 3 || line[quote - 1] != ' ' || line[quote - 2] != ']')
        {
            return false;
        }

        var request = line[(quote + 1)..];
        var close = request.IndexOf('"');
        if (close < 0)
        {
            return false;
        }

        var after = request[(close + 1)..];
        if (after.Length < 4 || after[0] != ' ' || !int.TryParse(after.Slice(1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return false;
        }

        request = request[..close];
        var methodEnd = request.IndexOf(' ');
        var method = methodEnd < 0 ? request : request[..methodEnd];
        var target = methodEnd < 0 ? [] : request[(methodEnd + 1)..];
        var targetEnd = target.IndexOf(' ');
        if (targetEnd >= 0)
        {
            target = target[..targetEnd];
        }

        var queryStart = target.IndexOf('?');
        var path = queryStart >= 0 ? target[..queryStart] : target;

        _requests++;
        CountMethod(method);
        if (_statusCodes.Count < MaxStatusCodes || _statusCodes.ContainsKey(status))
        {
            _statusCodes[status] = _statusCodes.GetValueOrDefault(status) + 1;
        }

        if (status >= 500)
        {
            _serverErrors++;
        }

        _paths.Add(path);
        _clients.Add(line[..space]);
        return true;
    }

    private void CountMethod(ReadOnlySpan<char> method)
    {
        if (_methodLookup.TryGetValue(method, out var count))
        {
            _methodLookup[method] = count + 1;
        }
        else if (_methods.Count < MaxMethods)
        {
            _methodLookup[method] = 1;
        }
        else
        {
            _methods["OTHER"] = _methods.GetValueOrDefault("OTHER") + 1;
        }
    }

    private static LineLevel EventLevel(ReadOnlySpan<char> line)
    {
        // An event line: an ISO-8601 time, a space, the level, a space.
        if (line.Length > 25 && char.IsAsciiDigit(line[0]) && line[4] == '-' && line[10] == 'T')
        {
            var first = line.IndexOf(' ');
            if (first > 0)
            {
                var rest = line[(first + 1)..];
                var second = rest.IndexOf(' ');
                var level = second < 0 ? rest : rest[..second];
                switch (level)
                {
                    case "ERROR" or "FATAL" or "CRITICAL" or "CRIT":
                        return LineLevel.Error;
                    case "WARN" or "WARNING":
                        return LineLevel.Warning;
                    case "INFO" or "DEBUG" or "TRACE":
                        return LineLevel.Other;
                    default:
                        break;
                }
            }
        }

        if (line.Contains("error", StringComparison.OrdinalIgnoreCase)
            || line.Contains("exception", StringComparison.OrdinalIgnoreCase)
            || line.Contains("fatal", StringComparison.OrdinalIgnoreCase)
            || line.Contains("traceback", StringComparison.OrdinalIgnoreCase))
        {
            return LineLevel.Error;
        }

        return line.Contains("warn", StringComparison.OrdinalIgnoreCase) ? LineLevel.Warning : LineLevel.Other;
    }

    private enum LineLevel
    {
        Other,
        Warning,
        Error,
    }
}
