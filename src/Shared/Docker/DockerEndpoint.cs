using System.Globalization;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// Where the Docker engine listens, parsed from a <c>DOCKER_HOST</c> value:
/// <c>unix:///path/to/docker.sock</c> or <c>tcp://host[:port]</c>. A pure parser: the entry point
/// reads the environment and passes the value in.
/// </summary>
public sealed record DockerEndpoint
{
    public const string DefaultHost = "unix:///var/run/docker.sock";

    /// <summary>The port the Docker CLI assumes for <c>tcp://</c> without one.</summary>
    public const int DefaultTcpPort = 2375;

    public const string Expected = "unix:///absolute/path/to/docker.sock or tcp://host[:port], or empty for " + DefaultHost;

    private DockerEndpoint(DockerTransport transport, string? socketPath, string? host, int port)
    {
        Transport = transport;
        SocketPath = socketPath;
        Host = host;
        Port = port;
    }

    public static DockerEndpoint Default { get; } = new(DockerTransport.Unix, "/var/run/docker.sock", null, 0);

    public DockerTransport Transport { get; }

    /// <summary>The socket file for <see cref="DockerTransport.Unix"/>; null for TCP.</summary>
    public string? SocketPath { get; }

    /// <summary>Host name or address for <see cref="DockerTransport.Tcp"/>; null for a unix socket.</summary>
    public string? Host { get; }

    /// <summary>TCP port; 0 for a unix socket.</summary>
    public int Port { get; }

    /// <summary>The address Docker.DotNet understands: <c>unix:///…</c> or <c>http://host:port</c>.</summary>
    public Uri ClientUri => Transport == DockerTransport.Unix
        ? new Uri("unix://" + SocketPath)
        : new UriBuilder(Uri.UriSchemeHttp, Host, Port).Uri;

    /// <summary>Parses a <c>DOCKER_HOST</c> value; empty or null means <see cref="DefaultHost"/>.</summary>
    /// <param name="value">The value as given.</param>
    /// <param name="source">What the value came from, named in the error (an env variable or an action input).</param>
    /// <exception cref="InputException">The value is not a unix or tcp address.</exception>
    public static DockerEndpoint Parse(string? value, string source = "DOCKER_HOST")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        var text = value.Trim();
        if (text.StartsWith("unix://", StringComparison.Ordinal))
        {
            return ParseUnix(text, value, source);
        }

        if (text.StartsWith("tcp://", StringComparison.Ordinal))
        {
            return ParseTcp(text, value, source);
        }

        var scheme = text.Contains("://", StringComparison.Ordinal) ? text[..text.IndexOf("://", StringComparison.Ordinal)] : null;
        throw new InputException(source, value, scheme is null
            ? Expected
            : $"{Expected} (the scheme '{scheme}' is not supported)");
    }

    /// <summary>The canonical <c>DOCKER_HOST</c> form, fit to hand to the docker CLI.</summary>
    public override string ToString() => Transport == DockerTransport.Unix
        ? "unix://" + SocketPath
        : string.Create(CultureInfo.InvariantCulture, $"tcp://{FormatHost(Host!)}:{Port}");

    private static DockerEndpoint ParseUnix(string text, string value, string source)
    {
        var path = text["unix://".Length..];
        if (path.Length == 0 || path[0] != '/' || path.EndsWith('/') || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputException(source, value, $"{Expected} (a unix socket needs an absolute file path, as in unix:///var/run/docker.sock)");
        }

        return new DockerEndpoint(DockerTransport.Unix, path, null, 0);
    }

    private static DockerEndpoint ParseTcp(string text, string value, string source)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo)
            || uri.AbsolutePath != "/"
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment)
            || HasEmptyOrBadPort(text))
        {
            throw new InputException(source, value, $"{Expected} (a tcp address is a host and an optional port from 1 to 65535, nothing else)");
        }

        var port = uri.IsDefaultPort || uri.Port <= 0 ? DefaultTcpPort : uri.Port;
        return new DockerEndpoint(DockerTransport.Tcp, null, uri.IdnHost.Trim('[', ']'), port);
    }

    // Uri accepts "tcp://host:" and treats it as no port; DOCKER_HOST users mean a typo.
    private static bool HasEmptyOrBadPort(string text)
    {
        var authority = text["tcp://".Length..].TrimEnd('/');
        var colon = authority.LastIndexOf(':');
        var closingBracket = authority.LastIndexOf(']');
        if (colon < 0 || colon < closingBracket)
        {
            return false;
        }

        var port = authority[(colon + 1)..];
        return !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535;
    }

    private static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}
