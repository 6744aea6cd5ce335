using System.Globalization;

namespace Tailpaste.Shared.Docker;

/// <summary>Another run holds the lock of a service; the message names the service, the holder and when the lock goes stale.</summary>
public sealed class ServiceLockHeldException : Exception
{
    public ServiceLockHeldException()
    {
    }

    public ServiceLockHeldException(string message)
        : base(message)
    {
    }

    public ServiceLockHeldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ServiceLockHeldException(string service, LockHolder holder, TimeSpan staleAfter)
        : base($"the lock on {service} is held: {holder}; it counts as stale {Describe(staleAfter)} after it was taken")
    {
        Service = service;
        Holder = holder;
    }

    public string? Service { get; }

    public LockHolder? Holder { get; }

    private static string Describe(TimeSpan span) => span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours)
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} h")
        : span.TotalMinutes >= 1 && span.TotalMinutes == Math.Floor(span.TotalMinutes)
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}
