using Octokit;

namespace Tailpaste.ReleaseArtifacts.Publish;

/// <summary>
/// Creates or updates the GitHub Release of a tag so that publishing twice never makes two releases: an
/// existing release gets its body and flags updated, same-named assets are deleted and uploaded again, and
/// GitHub's <c>already_exists</c> answer to a create (another job won the race) turns into fetch-and-update.
/// </summary>
public sealed class GitHubReleasePublisher
{
    private readonly IGitHubClient _client;

    public GitHubReleasePublisher(IGitHubClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var releases = _client.Repository.Release;
        var (release, action) = await CreateOrUpdateAsync(request).ConfigureAwait(false);

        // The assets endpoint pages through every asset; the release object's list may be cut short.
        var current = await releases.GetAllAssets(request.Owner, request.Repository, release.Id).ConfigureAwait(false);
        var assets = new List<PublishedAsset>();
        foreach (var file in request.Assets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var existing = current.Where(a => a.Name == file.Name).ToList();
            await DeleteAsync(request, existing).ConfigureAwait(false);
            ReleaseAsset uploaded;
            try
            {
                uploaded = await UploadAsync(release, file, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiValidationException e) when (IsAlreadyExists(e))
            {
                // Another job publishing the same tag uploaded this name after we listed: replace its copy, once.
                var rival = (await releases.GetAllAssets(request.Owner, request.Repository, release.Id).ConfigureAwait(false)).Where(a => a.Name == file.Name).ToList();
                await DeleteAsync(request, rival).ConfigureAwait(false);
                existing.AddRange(rival);
                uploaded = await UploadAsync(release, file, cancellationToken).ConfigureAwait(false);
            }

            assets.Add(new PublishedAsset(uploaded.Name, uploaded.ContentType, uploaded.Size, uploaded.BrowserDownloadUrl, existing.Count > 0));
        }

        string? moved = null;
        if (request.MajorTag is { } major)
        {
            await MoveTagAsync(request, major).ConfigureAwait(false);
            moved = major;
        }

        return new PublishResult(release.Id, release.HtmlUrl, action, assets, moved);
    }

    private async Task<ReleaseAsset> UploadAsync(Release release, ReleaseAssetFile file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file.Path);
        var upload = new ReleaseAssetUpload(file.Name, file.ContentType, stream, TimeSpan.FromMinutes(30));
        return await _client.Repository.Release.UploadAsset(release, upload, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteAsync(PublishRequest request, IEnumerable<ReleaseAsset> assets)
    {
        foreach (var old in assets)
        {
            try
            {
                await _client.Repository.Release.DeleteAsset(request.Owner, request.Repository, old.Id).ConfigureAwait(false);
            }
            catch (NotFoundException)
            {
                // Already replaced by another job: gone is what we wanted.
            }
        }
    }

    private static bool IsAlreadyExists(ApiValidationException e) => e.ApiError?.Errors?.Any(x => x.Code == "already_exists") == true;

    private async Task<(Release Release, string Action)> CreateOrUpdateAsync(PublishRequest request)
    {
        var releases = _client.Repository.Release;
        var existing = await FindAsync(request).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                var created = await releases.Create(request.Owner, request.Repository, new NewRelease(request.Tag)
                {
                    Name = request.Name,
                    Body = request.Body,
                    Prerelease = request.Prerelease,
                    Draft = false,
                }).ConfigureAwait(false);
                return (created, "created");
            }
            catch (ApiValidationException e) when (IsAlreadyExists(e))
            {
                // Another job created it between our lookup and our create: update that one instead.
                existing = await FindAsync(request).ConfigureAwait(false);
                if (existing is null)
                {
                    throw;
                }
            }
        }

        var updated = await releases.Edit(request.Owner, request.Repository, existing.Id, new ReleaseUpdate
        {
            Name = request.Name,
            Body = request.Body,
            Prerelease = request.Prerelease,
            Draft = false,
        }).ConfigureAwait(false);
        return (updated, "updated");
    }

    private async Task<Release?> FindAsync(PublishRequest request)
    {
        try
        {
            return await _client.Repository.Release.Get(request.Owner, request.Repository, request.Tag).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private async Task MoveTagAsync(PublishRequest request, string major)
    {
        var references = _client.Git.Reference;
        try
        {
            await references.Update(request.Owner, request.Repository, $"tags/{major}", new ReferenceUpdate(request.Commit, force: true)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NotFoundException || (e is ApiValidationException v && v.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)))
        {
            await references.Create(request.Owner, request.Repository, new NewReference($"refs/tags/{major}", request.Commit)).ConfigureAwait(false);
        }
    }
}
