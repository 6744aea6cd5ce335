namespace Tailpaste.HealthCheck.Checks;

/// <summary>Makes the check for each name the <c>checks</c> input accepts.</summary>
public static class CheckCatalog
{
    public static IHealthCheck Create(string name) => name switch
    {
        CheckNames.Service => new ServiceCheck(),
        CheckNames.Functionality => new FunctionalityCheck(),
        CheckNames.Container => new ContainerCheck(),
        CheckNames.Database => new DatabaseCheck(),
        CheckNames.Logs => new LogsCheck(),
        CheckNames.Disk => new DiskCheck(),
        CheckNames.Tailscale => new TailscaleCheck(),
        CheckNames.Smoke => new SmokeCheck(),
        CheckNames.Fuzz => new FuzzCheck(),
        CheckNames.Slo => new SloCheck(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a check name"),
    };
}
