using System.Globalization;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>Parses POSIX <c>df -P</c> output: a header, then one line per argument, in order.</summary>
public static class DfOutput
{
    public sealed record Usage(long SizeBytes, long UsedBytes, long AvailableBytes)
    {
        /// <summary>As df computes Capacity: used over used plus available (reserved blocks do not count as free).</summary>
        public double UsedPercent => UsedBytes + AvailableBytes == 0 ? 0 : 100.0 * UsedBytes / (UsedBytes + AvailableBytes);
    }

    public static IReadOnlyList<Usage> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var usages = new List<Usage>();
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 6
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var blocks)
                && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var used)
                && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var available))
            {
                usages.Add(new Usage(blocks * 1024, used * 1024, available * 1024));
            }
        }

        return usages;
    }
}
