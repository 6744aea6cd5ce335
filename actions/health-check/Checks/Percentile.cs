namespace Tailpaste.HealthCheck.Checks;

/// <summary>Nearest-rank percentiles, the definition that never invents a value nobody measured.</summary>
public static class Percentile
{
    public static double? Of(IEnumerable<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
