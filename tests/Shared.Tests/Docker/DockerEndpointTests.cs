using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Shared.Tests.Docker;

public sealed class DockerEndpointTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_empty_value_is_the_default_socket(string? value)
    {
        var endpoint = DockerEndpoint.Parse(value);

        Assert.Equal(DockerTransport.Unix, endpoint.Transport);
        Assert.Equal("/var/run/docker.sock", endpoint.SocketPath);
        Assert.Equal(DockerEndpoint.DefaultHost, endpoint.ToString());
    }

    [Theory]
    [InlineData("unix:///tmp/tailpaste-docker/docker.sock", "/tmp/tailpaste-docker/docker.sock")]
    [InlineData(" unix:///run/user/1000/docker.sock ", "/run/user/1000/docker.sock")]
    [InlineData("unix:///var/run/with space.sock", "/var/run/with space.sock")]
    public void Parse_unix_socket_keeps_the_path(string value, string path)
    {
        var endpoint = DockerEndpoint.Parse(value);

        Assert.Equal(DockerTransport.Unix, endpoint.Transport);
        Assert.Equal(path, endpoint.SocketPath);
        Assert.Null(endpoint.Host);
        Assert.Equal("unix://" + path, endpoint.ToString());
        Assert.Equal("unix", endpoint.ClientUri.Scheme);
        Assert.Equal(path, endpoint.ClientUri.LocalPath);
    }

    [Theory]
    [InlineData("tcp://10.0.0.5:2376", "10.0.0.5", 2376, "tcp://10.0.0.5:2376", "http://10.0.0.5:2376/")]
    [InlineData("tcp://docker.internal", "docker.internal", 2375, "tcp://docker.internal:2375", "http://docker.internal:2375/")]
    [InlineData("tcp://Docker.Internal:12345/", "docker.internal", 12345, "tcp://docker.internal:12345", "http://docker.internal:12345/")]
    [InlineData("tcp://[::1]:2375", "::1", 2375, "tcp://[::1]:2375", "http://[::1]:2375/")]
    public void Parse_tcp_gives_host_port_and_an_http_client_address(string value, string host, int port, string canonical, string clientUri)
    {
        var endpoint = DockerEndpoint.Parse(value);

        Assert.Equal(DockerTransport.Tcp, endpoint.Transport);
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
        Assert.Null(endpoint.SocketPath);
        Assert.Equal(canonical, endpoint.ToString());
        Assert.Equal(clientUri, endpoint.ClientUri.ToString());
    }

    [Theory]
    [InlineData("unix:///var/run/docker.sock")]
    [InlineData("tcp://127.0.0.1:2375")]
    public void To_string_parses_back_to_the_same_endpoint(string value) =>
        Assert.Equal(DockerEndpoint.Parse(value), DockerEndpoint.Parse(DockerEndpoint.Parse(value).ToString()));

    [Theory]
    [InlineData("/var/run/docker.sock", null)]
    [InlineData("docker.sock", null)]
    [InlineData("unix://", "absolute file path")]
    [InlineData("unix://var/run/docker.sock", "absolute file path")]
    [InlineData("unix:///var/run/", "absolute file path")]
    [InlineData("tcp://", "a tcp address")]
    [InlineData("tcp://:2375", "a tcp address")]
    [InlineData("tcp://host:", "a tcp address")]
    [InlineData("tcp://host:0", "a tcp address")]
    [InlineData("tcp://host:65536", "a tcp address")]
    [InlineData("tcp://host:abc", "a tcp address")]
    [InlineData("tcp://host:2375/v1.41", "a tcp address")]
    [InlineData("tcp://user:secret@host:2375", "a tcp address")]
    [InlineData("tcp://host:2375?tls=1", "a tcp address")]
    [InlineData("ssh://me@host", "the scheme 'ssh' is not supported")]
    [InlineData("npipe:////./pipe/docker_engine", "the scheme 'npipe' is not supported")]
    [InlineData("https://host:2376", "the scheme 'https' is not supported")]
    public void Parse_bad_value_names_the_source_the_value_and_what_was_expected(string value, string? detail)
    {
        var error = Assert.Throws<InputException>(() => DockerEndpoint.Parse(value, "docker-host"));

        Assert.Equal("docker-host", error.Input);
        Assert.Equal(value, error.Value);
        Assert.Contains($"'docker-host' has the value '{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("unix:///absolute/path/to/docker.sock or tcp://host[:port]", error.Message, StringComparison.Ordinal);
        if (detail is not null)
        {
            Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_bad_value_defaults_to_naming_docker_host()
    {
        var error = Assert.Throws<InputException>(() => DockerEndpoint.Parse("localhost:2375"));

        Assert.Equal("DOCKER_HOST", error.Input);
    }
}
