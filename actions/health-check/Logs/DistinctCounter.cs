namespace Tailpaste.HealthCheck.Logs;

/// <summary>
/// Counts distinct values in bounded memory: exactly up to <c>exactLimit</c> values, then a HyperLogLog
/// estimate (2^14 registers, about 1 % error) that never grows.
/// </summary>
public sealed class DistinctCounter
{
    private const int Precision = 14;
    private const int RegisterCount = 1 << Precision;

    private readonly int _exactLimit;
    private HashSet<string>? _exact = new(StringComparer.Ordinal);
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private byte[]? _registers;

    public DistinctCounter(int exactLimit = 10_000)
    {
        _exactLimit = exactLimit;
        _lookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True once the count is an estimate.</summary>
    public bool IsEstimate => _registers is not null;

    public void Add(ReadOnlySpan<char> value)
    {
        if (_exact is not null)
        {
            if (_lookup.Contains(value))
            {
                return;
            }

            if (_exact.Count < _exactLimit)
            {
                _lookup.Add(value);
                return;
            }

            _registers = new byte[RegisterCount];
            foreach (var known in _exact)
            {
                AddToSketch(known);
            }

            _exact = null;
        }

        AddToSketch(value);
    }

    public long Count => _exact?.Count ?? Estimate();

    private void AddToSketch(ReadOnlySpan<char> value)
    {
        var hash = Hash(value);
        var index = (int)(hash >> (64 - Precision));
        var rest = (hash << Precision) | (1UL << (Precision - 1));
        var rank = (byte)(System.Numerics.BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > _registers![index])
        {
            _registers[index] = rank;
        }
    }

    private long Estimate()
    {
        double sum = 0;
        var zeros = 0;
        foreach (var register in _registers!)
        {
            sum += Math.Pow(2, -register);
            if (register == 0)
            {
                zeros++;
            }
        }

        const double M = RegisterCount;
        var alpha = 0.7213 / (1 + (1.079 / M));
        var estimate = alpha * M * M / sum;
        if (estimate <= 2.5 * M && zeros > 0)
        {
            estimate = M * Math.Log(M / zeros);
        }

        return (long)Math.Round(estimate);
    }

    // FNV-1a over the UTF-16 code units, then a 64-bit finaliser so every bit depends on every input bit.
    private static ulong Hash(ReadOnlySpan<char> value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
