namespace Tailpaste.HealthCheck.Logs;

/// <summary>
/// Top-N counting in fixed memory (the Space-Saving algorithm): at most <c>capacity</c> keys are kept; a new
/// key replaces the smallest and inherits its count as possible overcount. Keys that really are frequent
/// stay, whatever the length of the stream; counts of keys that were never evicted are exact.
/// </summary>
/// <remarks>
/// Most lines of a busy log carry a key that is not tracked (every paste id is new), so an eviction happens on
/// nearly every line. Keys therefore live in reusable per-slot buffers, found by their hash, instead of strings
/// in a dictionary: counting allocates nothing once the slots are warm, and the process's memory stays level
/// however long the log is. A key longer than <see cref="MaxKeyLength"/> is counted by its first part.
/// </remarks>
public sealed class SpaceSavingCounter
{
    public const int MaxKeyLength = 1024;

    private readonly int[] _hashes;
    private readonly char[][] _keys;
    private readonly int[] _lengths;
    private readonly long[] _counts;
    private int _used;

    public SpaceSavingCounter(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _hashes = new int[capacity];
        _keys = new char[capacity][];
        _lengths = new int[capacity];
        _counts = new long[capacity];
    }

    public void Add(ReadOnlySpan<char> key)
    {
        if (key.Length > MaxKeyLength)
        {
            key = key[..MaxKeyLength];
        }

        var hash = string.GetHashCode(key);
        var slot = Find(hash, key);
        if (slot >= 0)
        {
            _counts[slot]++;
            return;
        }

        if (_used < _counts.Length)
        {
            Store(_used++, hash, key, 1);
            return;
        }

        var smallest = 0;
        for (var i = 1; i < _used; i++)
        {
            if (_counts[i] < _counts[smallest])
            {
                smallest = i;
            }
        }

        Store(smallest, hash, key, _counts[smallest] + 1);
    }

    /// <summary>The <paramref name="n"/> largest counts, largest first (ties by key); counts may include the overcount of an evicted key.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Top(int n) =>
        Enumerable.Range(0, _used)
            .Select(i => new KeyValuePair<string, long>(new string(_keys[i], 0, _lengths[i]), _counts[i]))
            .OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(n).ToList();

    private int Find(int hash, ReadOnlySpan<char> key)
    {
        var start = 0;
        while (start < _used)
        {
            var found = _hashes.AsSpan(start, _used - start).IndexOf(hash);
            if (found < 0)
            {
                return -1;
            }

            var slot = start + found;
            if (_keys[slot].AsSpan(0, _lengths[slot]).SequenceEqual(key))
            {
                return slot;
            }

            start = slot + 1;
        }

        return -1;
    }

    private void Store(int slot, int hash, ReadOnlySpan<char> key, long count)
    {
        if (_keys[slot] is not { } buffer || buffer.Length < key.Length)
        {
            // Grown in steps so a slot settles at the longest key it has seen, at most MaxKeyLength.
            buffer = new char[Math.Min(MaxKeyLength, Math.Max(64, key.Length * 2))];
            _keys[slot] = buffer;
        }

        key.CopyTo(buffer);
        _hashes[slot] = hash;
        _lengths[slot] = key.Length;
        _counts[slot] = count;
    }
}
