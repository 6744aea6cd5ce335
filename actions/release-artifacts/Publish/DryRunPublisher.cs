using System.Text.Json;

namespace Tailpaste.ReleaseArtifacts.Publish;

/// <summary>Describes, request by request, what publish would send, without any network access.</summary>
public static class DryRunPublisher
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = false };

    public static IReadOnlyList<string> Describe(PublishRequest request, Uri apiUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(apiUrl);
        var api = apiUrl.ToString().TrimEnd('/');
        var repo = $"{api}/repos/{request.Owner}/{request.Repository}";
        var release = new Dictionary<string, object>
        {
            ["tag_name"] = request.Tag,
            ["name"] = request.Name,
            ["body"] = request.Body,
            ["prerelease"] = request.Prerelease,
            ["draft"] = false,
        };
        var lines = new List<string>
        {
            $"GET {repo}/releases/tags/{request.Tag}",
            $"POST {repo}/releases {JsonSerializer.Serialize(release, _json)}   (or PATCH {repo}/releases/{{id}} with the same body when the release exists)",
            $"GET {repo}/releases/{{id}}/assets",
        };
        foreach (var asset in request.Assets)
        {
            var size = new FileInfo(asset.Path).Length;
            lines.Add($"DELETE {repo}/releases/assets/{{id}}   (only when an asset named {asset.Name} exists)");
            lines.Add($"POST {{upload_url}}?name={Uri.EscapeDataString(asset.Name)}   Content-Type: {asset.ContentType}, {size} bytes from {asset.Path}");
        }

        if (request.MajorTag is { } major)
        {
            lines.Add($"PATCH {repo}/git/refs/tags/{major} {JsonSerializer.Serialize(new Dictionary<string, object> { ["sha"] = request.Commit, ["force"] = true }, _json)}   (POST {repo}/git/refs when it does not exist)");
        }

        return lines;
    }
}
