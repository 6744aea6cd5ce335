using Tailpaste.Deploy.Proxy;

namespace Tailpaste.Deploy.Strategies;

/// <summary>One of the two blue-green places a version runs in: a container NAME-blue or NAME-green on its own loopback port.</summary>
public sealed record Slot(string Name, string ContainerName, int Port)
{
    public const string Blue = "blue";
    public const string Green = "green";

    public static (Slot Blue, Slot Green) Of(DeployOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (new Slot(Blue, $"{options.ContainerName}-{Blue}", options.Proxy.SlotPorts.Blue), new Slot(Green, $"{options.ContainerName}-{Green}", options.Proxy.SlotPorts.Green));
    }

    /// <summary>The slot named <paramref name="name"/>; null for none or an unknown name.</summary>
    public static Slot? Find(DeployOptions options, string? name)
    {
        var (blue, green) = Of(options);
        return name == Blue ? blue : name == Green ? green : null;
    }

    /// <summary>
    /// The proxy's routes while this slot is live: users to it, the preview port to the other slot, whether a version
    /// runs there or not (502 then). The same routes before, during and after a deploy's checks, so only the cut-over
    /// (and a rollback) reloads the proxy, and each reload closes users' idle kept-alive connections.
    /// </summary>
    public ProxyRoutes Serving(DeployOptions options) => new(Port, Other(options).Port);

    public Slot Other(DeployOptions options)
    {
        var (blue, green) = Of(options);
        return Name == Blue ? green : blue;
    }
}
