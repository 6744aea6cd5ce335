using System.Collections.Concurrent;

namespace Tailpaste.PasteService;

/// <summary>
/// Request counts by method, route and status, and a latency histogram per route. Routes are
/// route templates (<c>/{id}</c>), not raw paths, so the number of series stays small.
/// </summary>
public sealed class RequestMetrics
{
    /// <summary>The route label of requests that matched no endpoint (404s for unknown paths).</summary>
    public const string UnmatchedRoute = "unmatched";

    private readonly ConcurrentDictionary<RequestKey, long> _requests = new();
    private readonly ConcurrentDictionary<string, LatencyHistogram> _latency = new(StringComparer.Ordinal);

    public void Record(string method, string route, int status, TimeSpan duration)
    {
        _requests.AddOrUpdate(new RequestKey(method, route, status), 1, (_, count) => count + 1);
        _latency.GetOrAdd(route, _ => new LatencyHistogram()).Observe(duration);
    }

    public IReadOnlyList<KeyValuePair<RequestKey, long>> RequestCounts() =>
        [.. _requests.OrderBy(pair => pair.Key.Route, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Method, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Status)];

    public IReadOnlyList<KeyValuePair<string, LatencyHistogram>> LatencyByRoute() =>
        [.. _latency.OrderBy(pair => pair.Key, StringComparer.Ordinal)];
}
