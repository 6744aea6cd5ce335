using System.Globalization;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.GitHub;

namespace Tailpaste.ReleaseArtifacts.Publish;

/// <summary>Creates or updates the GitHub Release with every artifact attached, or prints the requests in a dry run.</summary>
public sealed class PublishStep : IReleaseStep
{
    private readonly ReleaseArtifactsOptions _options;
    private readonly ActionCore _core;

    public PublishStep(ReleaseArtifactsOptions options, ActionCore core)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _core = core ?? throw new ArgumentNullException(nameof(core));
    }

    public string Name => _options.DryRun ? "publish (dry run): the requests that would be sent" : "publish";

    public bool Selected => _options.Runs(ReleaseSteps.Publish);

    public async Task RunAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var request = Request(state);
        if (_options.DryRun)
        {
            state.DryRunRequests = DryRunPublisher.Describe(request, _options.GitHub.ApiUrl);
            foreach (var line in state.DryRunRequests)
            {
                _core.WriteInfo(line);
            }

            return;
        }

        var client = GitHubClientFactory.Create(_options.GitHub.ApiUrl, _options.GitHub.Token!, "tailpaste-release-artifacts");
        state.Published = await new GitHubReleasePublisher(client).PublishAsync(request, cancellationToken).ConfigureAwait(false);
        _core.WriteInfo($"Release {state.TagName} {state.Published.Action}: {state.Published.Url} ({state.Published.Assets.Count} assets)");
    }

    /// <summary>The token and the repository were checked by the binder; what is uploaded is what the other steps hold.</summary>
    public Task PrepareAsync(ReleaseState state, CancellationToken cancellationToken) => Task.CompletedTask;

    private PublishRequest Request(ReleaseState state)
    {
        var release = state.Release;
        var repository = _options.GitHub.Repository ?? throw new InvalidOperationException("Publish needs the repository; the binder requires it.");
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        return new PublishRequest(
            repository[..slash],
            repository[(slash + 1)..],
            release.Tag.Name,
            release.Tag.Name,
            state.Notes,
            release.Version.IsPrerelease,
            release.Tag.Commit,
            state.Artifacts().Select(ReleaseAssetFile.For).ToList(),
            _options.MoveMajorTag && !release.Version.IsPrerelease ? "v" + release.Version.Version.Major.ToString(CultureInfo.InvariantCulture) : null);
    }
}
