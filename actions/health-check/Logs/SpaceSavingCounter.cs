namespace Tailpaste.HealthCheck.Logs;

/// <summary>
/// Top-N counting in fixed memory (the Space-Saving algorithm): at most <c>capacity</c> keys are kept; a new
/// key replaces the smallest and inherits its count as possible overcount. Keys that really are frequent
/// stay, whatever the length of the stream; counts of keys that were never evicted are exact.
/// </summary>
public sealed class SpaceSavingCounter
{
    private readonly int _capacity;
    private readonly Dictionary<string, Entry> _entries;
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SpaceSavingCounter(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _entries = new Dictionary<string, Entry>(capacity, StringComparer.Ordinal);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Add(ReadOnlySpan<char> key)
    {
        if (_lookup.TryGetValue(key, out var entry))
        {
            entry.Count++;
            return;
        }

        if (_entries.Count < _capacity)
        {
            _entries.Add(key.ToString(), new Entry { Count = 1 });
            return;
        }

        var (minKey, min) = (string.Empty, (Entry?)null);
        foreach (var (k, e) in _entries)
        {
            if (min is null || e.Count < min.Count)
            {
                (minKey, min) = (k, e);
            }
        }

        _entries.Remove(minKey);
        _entries.Add(key.ToString(), new Entry { Count = min!.Count + 1, Error = min.Count });
    }

    /// <summary>The <paramref name="n"/> largest counts, largest first (ties by key); counts may include the overcount of an evicted key.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Top(int n) =>
        _entries.OrderByDescending(e => e.Value.Count).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(n).Select(e => new KeyValuePair<string, long>(e.Key, e.Value.Count)).ToList();

    private sealed class Entry
    {
        public long Count { get; set; }

        public long Error { get; set; }
    }
}
