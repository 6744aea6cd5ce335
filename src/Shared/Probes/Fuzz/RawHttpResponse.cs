namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>What came back for a raw request: the ending, and when there was one, the status, headers and (capped) body.</summary>
public sealed record RawHttpResponse(
    RawExchangeOutcome Outcome,
    int? Status,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    double ElapsedMs,
    string? Error)
{
    public string? Header(string name) =>
        Headers.Where(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).FirstOrDefault();
}
