using Tailpaste.TestKit;

namespace Tailpaste.Deploy.Tests.Support;

/// <summary>
/// The images tests deploy: copies of the sample service's image under a tag of the test's own, with Dockerfile-style
/// changes (a fault switch in its ENV, a version label), each carrying the fixture's label so it is removed with it.
/// The proxy image is the one eng/proxy-image.sh provides.
/// </summary>
public static class DeployImages
{
    private static readonly Lazy<Task<string>> _proxy = new(BuildProxyAsync);

    public static Task<string> ProxyAsync() => _proxy.Value;

    /// <summary>A copy of the sample image as <paramref name="tag"/> with <paramref name="changes"/> (such as <c>ENV FAULT_ERROR_RATE=0.2</c>).</summary>
    public static async Task<string> CommitAsync(DockerEngineFixture engine, string tag, params string[] changes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        await PasteServiceImage.CommitCopyAsync(engine, await engine.EnsureSampleImageAsync(), tag, changes);
        return tag;
    }

    private static async Task<string> BuildProxyAsync()
    {
        var host = await DockerEngineSetup.DockerHostAsync();
        var output = await DockerScript.RunAsync("proxy-image.sh", [], new Dictionary<string, string?> { ["DOCKER_HOST"] = host }, TimeSpan.FromMinutes(15));
        return output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Last();
    }
}
