using Tailpaste.Pipeline.Tests.Harness;
using Tailpaste.TestKit;

namespace Tailpaste.Pipeline.Tests.Support;

/// <summary>
/// The test double of docker/build-push-action for the service's Dockerfile: no network build here, so the sample
/// image eng/sample-image.sh built from the same Dockerfile is committed under each requested tag with the requested
/// labels (and the fixture's, so a failed test leaves nothing). Anything else it is asked to do fails the step.
/// </summary>
public static class SampleImageBuild
{
    public static Func<ThirdPartyStep, Task<LocalActionResult>> Double(DockerEngineFixture engine) => async step =>
    {
        var file = step.With.GetValueOrDefault("file", string.Empty);
        if (file != "samples/paste-service/Dockerfile" || step.With.GetValueOrDefault("push") != "false" || step.With.GetValueOrDefault("load") != "true")
        {
            return new LocalActionResult(1, $"build-push-action double: only a local build (push false, load true) of samples/paste-service/Dockerfile, not file \"{file}\"", new Dictionary<string, string>(), string.Empty);
        }

        var sample = await engine.EnsureSampleImageAsync();
        var labels = step.With.GetValueOrDefault("labels", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var tags = step.With.GetValueOrDefault("tags", string.Empty).Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? id = null;
        foreach (var tag in tags)
        {
            id = await PasteServiceImage.CommitCopyAsync(engine, sample, tag, [.. labels.Select(l => "LABEL " + l)]);
        }

        return new LocalActionResult(0, $"build-push-action double: {sample} committed as {string.Join(", ", tags)}", new Dictionary<string, string> { ["imageid"] = id ?? string.Empty }, string.Empty);
    };
}
