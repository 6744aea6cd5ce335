namespace Tailpaste.Deploy.Proxy;

/// <summary>A route change that took effect: the proxy, the worker processes that still serve the previous routes' requests, and when.</summary>
public sealed record RouteChange(string ProxyId, IReadOnlySet<string> OldWorkers, DateTimeOffset At);
