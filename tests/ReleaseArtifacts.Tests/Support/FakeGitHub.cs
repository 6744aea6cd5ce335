using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// Two WireMock.Net servers answering like GitHub's REST API for releases: the API host (releases by tag,
/// create, update, list and delete assets, git refs) and the uploads host (asset uploads). They keep the
/// releases, assets and refs in memory, so a second run sees what the first one made, and record every
/// request for exact assertions.
/// </summary>
public sealed class FakeGitHub : IDisposable
{
    private readonly object _gate = new();
    private readonly List<JsonObject> _releases = [];
    private readonly Dictionary<long, List<JsonObject>> _assets = [];
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];
    private long _nextId = 1;

    public FakeGitHub(string owner = "octo", string repository = "tailpaste")
    {
        Owner = owner;
        Repository = repository;
        Api = WireMockServer.Start();
        Uploads = WireMockServer.Start();
        Api.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(AnswerApi));
        Uploads.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(AnswerUpload));
    }

    public string Owner { get; }

    public string Repository { get; }

    public WireMockServer Api { get; }

    public WireMockServer Uploads { get; }

    public string ApiUrl => Api.Url!;

    /// <summary>When set, the next create answers 422 already_exists after making the release itself, as a rival job would have.</summary>
    public bool LoseNextCreateRace { get; set; }

    /// <summary>When set, the first upload of this asset name finds that a rival job has just uploaded it (422 already_exists).</summary>
    public string? RivalUploadsFirst { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public IReadOnlyList<JsonObject> Releases
    {
        get
        {
            lock (_gate)
            {
                return _releases.Select(r => (JsonObject)r.DeepClone()).ToList();
            }
        }
    }

    public IReadOnlyList<JsonObject> AssetsOf(long releaseId)
    {
        lock (_gate)
        {
            return _assets.TryGetValue(releaseId, out var list) ? list.Select(a => (JsonObject)a.DeepClone()).ToList() : [];
        }
    }

    public IReadOnlyDictionary<string, string> Refs
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_refs, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Requests as "METHOD host-kind path?query", in order, e.g. "GET api /repos/o/r/releases/tags/v1".</summary>
    public IReadOnlyList<string> Lines => Requests.Select(r => r.Line).ToList();

    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    public void Dispose()
    {
        Api.Stop();
        Uploads.Stop();
        Api.Dispose();
        Uploads.Dispose();
    }

    private string Repo => $"/repos/{Owner}/{Repository}";

    private IResponseMessage AnswerApi(IRequestMessage request)
    {
        lock (_gate)
        {
            Record("api", request);
            var path = request.Path;
            var method = request.Method;
            if (!path.StartsWith(Repo + "/", StringComparison.Ordinal))
            {
                return Json(404, NotFound());
            }

            var rest = path[Repo.Length..];
            if (method == "GET" && rest.StartsWith("/releases/tags/", StringComparison.Ordinal))
            {
                var tag = Uri.UnescapeDataString(rest["/releases/tags/".Length..]);
                var found = _releases.FirstOrDefault(r => (string?)r["tag_name"] == tag);
                return found is null ? Json(404, NotFound()) : Json(200, WithAssets(found));
            }

            if (method == "POST" && rest == "/releases")
            {
                var body = JsonNode.Parse(request.Body!)!.AsObject();
                var tag = (string)body["tag_name"]!;
                if (LoseNextCreateRace)
                {
                    LoseNextCreateRace = false;
                    NewRelease(body);
                    return Json(422, AlreadyExists());
                }

                return _releases.Any(r => (string?)r["tag_name"] == tag) ? Json(422, AlreadyExists()) : Json(201, WithAssets(NewRelease(body)));
            }

            if (method == "PATCH" && TryId(rest, "/releases/", out var releaseId))
            {
                var release = _releases.FirstOrDefault(r => (long)r["id"]! == releaseId);
                if (release is null)
                {
                    return Json(404, NotFound());
                }

                foreach (var (name, value) in JsonNode.Parse(request.Body!)!.AsObject())
                {
                    release[name] = value?.DeepClone();
                }

                return Json(200, WithAssets(release));
            }

            if (method == "GET" && rest.StartsWith("/releases/", StringComparison.Ordinal) && rest.EndsWith("/assets", StringComparison.Ordinal)
                && long.TryParse(rest["/releases/".Length..^"/assets".Length], CultureInfo.InvariantCulture, out var listId))
            {
                return Json(200, new JsonArray(AssetsOf(listId).Select(a => (JsonNode)a).ToArray()));
            }

            if (method == "DELETE" && TryId(rest, "/releases/assets/", out var assetId))
            {
                var removed = _assets.Values.Sum(list => list.RemoveAll(a => (long)a["id"]! == assetId));
                return removed > 0 ? new ResponseMessage { StatusCode = 204 } : Json(404, NotFound());
            }

            if (method == "PATCH" && rest.StartsWith("/git/refs/", StringComparison.Ordinal))
            {
                var name = "refs/" + rest["/git/refs/".Length..];
                if (!_refs.ContainsKey(name))
                {
                    return Json(422, new JsonObject { ["message"] = "Reference does not exist", ["documentation_url"] = "https://docs.github.com/rest/git/refs#update-a-reference" });
                }

                _refs[name] = (string)JsonNode.Parse(request.Body!)!["sha"]!;
                return Json(200, RefJson(name));
            }

            if (method == "POST" && rest == "/git/refs")
            {
                var body = JsonNode.Parse(request.Body!)!;
                var name = (string)body["ref"]!;
                if (_refs.ContainsKey(name))
                {
                    return Json(422, new JsonObject { ["message"] = "Reference already exists" });
                }

                _refs[name] = (string)body["sha"]!;
                return Json(201, RefJson(name));
            }

            return Json(404, NotFound());
        }
    }

    private IResponseMessage AnswerUpload(IRequestMessage request)
    {
        lock (_gate)
        {
            Record("uploads", request);
            var prefix = Repo + "/releases/";
            if (request.Method != "POST" || !request.Path.StartsWith(prefix, StringComparison.Ordinal) || !request.Path.EndsWith("/assets", StringComparison.Ordinal)
                || !long.TryParse(request.Path[prefix.Length..^"/assets".Length], CultureInfo.InvariantCulture, out var releaseId)
                || !_assets.TryGetValue(releaseId, out var list))
            {
                return Json(404, NotFound());
            }

            var name = request.Query?["name"].FirstOrDefault() ?? string.Empty;
            if (RivalUploadsFirst == name)
            {
                RivalUploadsFirst = null;
                list.Add(NewAsset(releaseId, name, "application/octet-stream", 3));
            }

            if (list.Any(a => (string?)a["name"] == name))
            {
                // GitHub refuses a second asset with the same name.
                return Json(422, new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["resource"] = "ReleaseAsset", ["code"] = "already_exists", ["field"] = "name" }) });
            }

            var asset = NewAsset(releaseId, name, Header(request, "Content-Type") ?? string.Empty, request.BodyAsBytes?.LongLength ?? 0);
            list.Add(asset);
            return Json(201, asset.DeepClone());
        }
    }

    private JsonObject NewAsset(long releaseId, string name, string contentType, long size)
    {
        var id = _nextId++;
        var tag = (string)_releases.First(r => (long)r["id"]! == releaseId)["tag_name"]!;
        return new JsonObject
        {
            ["id"] = id,
            ["url"] = $"{ApiUrl}{Repo}/releases/assets/{id}",
            ["browser_download_url"] = $"https://github.example/{Owner}/{Repository}/releases/download/{tag}/{name}",
            ["name"] = name,
            ["label"] = string.Empty,
            ["state"] = "uploaded",
            ["content_type"] = contentType,
            ["size"] = size,
            ["download_count"] = 0,
            ["created_at"] = "2026-01-01T12:00:00Z",
            ["updated_at"] = "2026-01-01T12:00:00Z",
        };
    }

    private JsonObject NewRelease(JsonObject body)
    {
        var id = _nextId++;
        var tag = (string)body["tag_name"]!;
        var release = new JsonObject
        {
            ["id"] = id,
            ["url"] = $"{ApiUrl}{Repo}/releases/{id}",
            ["html_url"] = $"https://github.example/{Owner}/{Repository}/releases/tag/{tag}",
            ["assets_url"] = $"{ApiUrl}{Repo}/releases/{id}/assets",
            ["upload_url"] = $"{Uploads.Url}{Repo}/releases/{id}/assets{{?name,label}}",
            ["tag_name"] = tag,
            ["target_commitish"] = "main",
            ["name"] = body["name"]?.DeepClone(),
            ["body"] = body["body"]?.DeepClone(),
            ["draft"] = body["draft"]?.DeepClone() ?? false,
            ["prerelease"] = body["prerelease"]?.DeepClone() ?? false,
            ["created_at"] = "2026-01-01T12:00:00Z",
            ["published_at"] = "2026-01-01T12:00:00Z",
        };
        _releases.Add(release);
        _assets[id] = [];
        return release;
    }

    private JsonObject WithAssets(JsonObject release)
    {
        var copy = (JsonObject)release.DeepClone();
        copy["assets"] = new JsonArray(AssetsOf((long)release["id"]!).Select(a => (JsonNode)a).ToArray());
        return copy;
    }

    private JsonObject RefJson(string name) => new()
    {
        ["ref"] = name,
        ["url"] = $"{ApiUrl}{Repo}/git/{name}",
        ["object"] = new JsonObject { ["type"] = "commit", ["sha"] = _refs[name] },
    };

    private void Record(string host, IRequestMessage request)
    {
        var query = request.Url.Contains('?', StringComparison.Ordinal) ? request.Url[request.Url.IndexOf('?', StringComparison.Ordinal)..] : string.Empty;
        _requests.Add(new RecordedRequest(
            $"{request.Method} {host} {request.Path}{query}",
            request.Body,
            request.BodyAsBytes,
            Header(request, "Content-Type"),
            Header(request, "Authorization")));
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static bool TryId(string rest, string prefix, out long id)
    {
        id = 0;
        return rest.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(rest[prefix.Length..], CultureInfo.InvariantCulture, out id);
    }

    private static JsonObject NotFound() => new() { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest" };

    private static JsonObject AlreadyExists() => new()
    {
        ["message"] = "Validation Failed",
        ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Release", ["code"] = "already_exists", ["field"] = "tag_name" }),
        ["documentation_url"] = "https://docs.github.com/rest/releases/releases#create-a-release",
    };

    private static ResponseMessage Json(int status, JsonNode body)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
            Headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase),
        };
        message.AddHeader("Content-Type", "application/json; charset=utf-8");
        return message;
    }

    /// <summary>One request as the fake saw it.</summary>
    public sealed record RecordedRequest(string Line, string? Body, byte[]? BodyBytes, string? ContentType, string? Authorization);
}
