using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Tailpaste.Deploy.Tests.Support;

/// <summary>
/// Puts hammer requests on the deploy's timeline, so a failure explains itself: for each request, what the client
/// saw and when it was sent, relative to the cut-over and to the nearest change of the proxy's routes (from the
/// report's proxy_changes: each reload closes users' idle kept-alive connections).
/// </summary>
public sealed class CutoverTimeline(DateTimeOffset cutover, IReadOnlyList<(DateTimeOffset At, string Routes, bool Reloaded)> changes)
{
    public DateTimeOffset Cutover { get; } = cutover;

    public IReadOnlyList<(DateTimeOffset At, string Routes, bool Reloaded)> Changes { get; } = changes;

    public static CutoverTimeline FromReport(JsonNode report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cutover = Time(report["cutover_at"]);
        var changes = (report["proxy_changes"]?.AsArray() ?? [])
            .Select(c => (Time(c!["at"]), c!["routes"]!.GetValue<string>(), c!["reloaded"]!.GetValue<bool>()))
            .ToList();
        return new CutoverTimeline(cutover, changes);
    }

    /// <summary>One line per request, with the proxy's changes listed first.</summary>
    public string Explain(IEnumerable<HammerRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"cut-over at {Cutover:HH:mm:ss.fff}; the proxy's changes:\n");
        foreach (var (at, routes, reloaded) in Changes)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {at:HH:mm:ss.fff} ({Offset(at - Cutover)} from the cut-over) {(reloaded ? "reload" : "created")}: {routes}\n");
        }

        foreach (var request in requests)
        {
            text.Append(CultureInfo.InvariantCulture, $"  sent {Offset(request.Start - Cutover)} from the cut-over, {Nearest(request.Start)}, took {(request.End - request.Start).TotalMilliseconds:0} ms: {request}\n");
        }

        return text.ToString();
    }

    private string Nearest(DateTimeOffset when)
    {
        if (Changes.Count == 0)
        {
            return "no proxy change reported";
        }

        var (at, _, reloaded) = Changes.MinBy(c => Math.Abs((c.At - when).Ticks));
        return $"{Offset(when - at)} from the {(reloaded ? "reload" : "creation")} confirmed at {at:HH:mm:ss.fff}";
    }

    private static string Offset(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:+0;-0} ms");

    private static DateTimeOffset Time(JsonNode? node) => DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);
}
