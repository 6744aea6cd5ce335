namespace Tailpaste.Shared.Probes.Slo;

/// <summary>Every threshold's verdict; passes only when each one did. Serialises to JSON as it is.</summary>
public sealed record SloVerdict(IReadOnlyList<ThresholdVerdict> Thresholds)
{
    public bool Passed => Thresholds.All(threshold => threshold.Passed);

    public IEnumerable<ThresholdVerdict> Failed => Thresholds.Where(threshold => !threshold.Passed);
}
