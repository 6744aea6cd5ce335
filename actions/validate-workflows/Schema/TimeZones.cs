namespace Tailpaste.ValidateWorkflows.Schema;

/// <summary>
/// IANA time zone names, from the machine's tz database (the zoneinfo files .NET reads). Where the machine has no
/// tz database nothing is called unknown: a missing database must not fail a valid schedule.
/// </summary>
public static class TimeZones
{
    private static readonly Lazy<bool> _available = new(() => TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Berlin", out _));

    public static bool IsUnknown(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _available.Value && (name.Length == 0 || !TimeZoneInfo.TryFindSystemTimeZoneById(name, out _));
    }
}
