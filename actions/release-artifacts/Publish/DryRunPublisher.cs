using System.Text.Json.Nodes;

namespace Tailpaste.ReleaseArtifacts.Publish;

/// <summary>Describes, request by request, what publish would send, without any network access.</summary>
public static class DryRunPublisher
{
    public static IReadOnlyList<string> Describe(PublishRequest request, Uri apiUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(apiUrl);
        var api = apiUrl.ToString().TrimEnd('/');
        var repo = $"{api}/repos/{request.Owner}/{request.Repository}";
        var release = new JsonObject
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
            $"POST {repo}/releases {release.ToJsonString()}   (or PATCH {repo}/releases/{{id}} with the same body when the release exists)",
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
            lines.Add($"PATCH {repo}/git/refs/tags/{major} {new JsonObject { ["sha"] = request.Commit, ["force"] = true }.ToJsonString()}   (POST {repo}/git/refs when it does not exist)");
        }

        return lines;
    }
}
