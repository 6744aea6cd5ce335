namespace Tailpaste.Deploy.Proxy;

/// <summary>
/// One change of the proxy's routes, for the report: when it took effect, the routes, and whether it was a graceful
/// reload (which closes users' idle kept-alive connections) or a proxy created anew.
/// </summary>
public sealed record ProxyChange(DateTimeOffset At, string Routes, bool Reloaded);
