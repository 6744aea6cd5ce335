namespace Tailpaste.Deploy.Proxy;

/// <summary>Where the proxy sends requests: users' port to the live slot, the preview port to the other one (null: no such route).</summary>
/// <param name="LivePort">The loopback port of the live slot; null before the first cut-over (the users' port is not served yet).</param>
/// <param name="PreviewPort">The loopback port of the version in preview; null answers 503 there.</param>
public sealed record ProxyRoutes(int? LivePort, int? PreviewPort)
{
    public override string ToString() =>
        $"users → {(LivePort is { } live ? $"127.0.0.1:{live}" : "none")}, preview → {(PreviewPort is { } preview ? $"127.0.0.1:{preview}" : "none")}";
}
