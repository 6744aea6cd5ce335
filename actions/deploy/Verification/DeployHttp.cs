using Tailpaste.Shared.Http;

namespace Tailpaste.Deploy.Verification;

/// <summary>The HTTP client of the action's own requests: the shared probe's settings (no redirects, no cookies) and a user agent of its own, so the proxy's access log tells them from users'.</summary>
public sealed class DeployHttp : IDisposable
{
    public const string UserAgent = "tailpaste-probe-deploy";

    private readonly HttpClient _client;

    public DeployHttp()
    {
        _client = HttpProbe.CreateClient();
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        Probe = new HttpProbe(_client);
    }

    public HttpProbe Probe { get; }

    public void Dispose()
    {
        Probe.Dispose();
        _client.Dispose();
    }
}
