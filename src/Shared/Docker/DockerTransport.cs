namespace Tailpaste.Shared.Docker;

/// <summary>How an engine is reached: a local unix socket, or plain TCP (for example over a private network).</summary>
public enum DockerTransport
{
    Unix,
    Tcp,
}
