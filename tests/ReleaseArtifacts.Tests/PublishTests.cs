using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Tailpaste.ReleaseArtifacts.Tests;

public sealed class PublishTests : IDisposable
{
    private const string Token = "ghs_T0kenThatMustNeverBePrinted";
    private const string Repo = "/repos/octo/tailpaste";
    private static readonly string[] _assetNames = ["CHANGELOG.md", "SHA256SUMS", "install.sh", "install.sh.sha256", "tailpaste-2.0.0.tar.gz", "tailpaste-2.0.0.tar.gz.sha256"];
    private readonly SampleHistory _history = SampleHistory.Create();
    private readonly FakeGitHub _github = new();

    private Dictionary<string, string> Inputs(string version = "2.0.0") => new()
    {
        ["version"] = version,
        ["steps"] = "validate, changelog, archive, checksums, installer, publish",
        ["repository"] = "octo/tailpaste",
        ["github-api-url"] = _github.ApiUrl,
        ["github-token"] = Token,
    };

    [Fact]
    public async Task Creates_the_release_and_uploads_every_artifact_to_the_uploads_host()
    {
        using var run = await ActionRun.StartAsync(_history.Path, Inputs());

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var lines = _github.Lines;
        Assert.Equal(
            [
                $"GET api {Repo}/releases/tags/v2.0.0",
                $"POST api {Repo}/releases",
                $"GET api {Repo}/releases/1/assets",
                .. _assetNames.Order(StringComparer.Ordinal).Select(n => $"POST uploads {Repo}/releases/1/assets?name={n}"),
            ],
            [lines[0], lines[1], lines[2], .. lines.Skip(3).Order(StringComparer.Ordinal)]);

        var create = JsonNode.Parse(_github.Requests[1].Body!)!;
        Assert.Equal("v2.0.0", (string?)create["tag_name"]);
        Assert.Equal("v2.0.0", (string?)create["name"]);
        Assert.False((bool)create["prerelease"]!);
        Assert.False((bool)create["draft"]!);
        Assert.Equal(File.ReadAllText(run.Outputs["notes-path"]), (string?)create["body"]);
        Assert.StartsWith("### Breaking changes\n", (string?)create["body"], StringComparison.Ordinal);

        // Every upload carries the file's exact bytes and its content type; every request the token.
        foreach (var upload in _github.Requests.Where(r => r.Line.StartsWith("POST uploads", StringComparison.Ordinal)))
        {
            var name = upload.Line[(upload.Line.IndexOf("?name=", StringComparison.Ordinal) + 6)..];
            Assert.Equal(File.ReadAllBytes(Path.Combine(run.OutputDir, name)), upload.BodyBytes);
            Assert.Equal(ReleaseAssetContentType(name), upload.ContentType);
        }

        Assert.All(_github.Requests, r => Assert.Contains(Token, r.Authorization ?? string.Empty, StringComparison.Ordinal));

        var outputs = run.Outputs;
        Assert.Equal("1", outputs["release-id"]);
        Assert.Equal("https://github.example/octo/tailpaste/releases/tag/v2.0.0", outputs["release-url"]);
        var assets = JsonNode.Parse(outputs["assets"])!.AsArray();
        Assert.Equal(_assetNames.Order(StringComparer.Ordinal), assets.Select(a => (string)a!["name"]!).Order(StringComparer.Ordinal));
        Assert.Contains(assets, a => (string?)a!["name"] == "tailpaste-2.0.0.tar.gz" && (string?)a["content_type"] == "application/gzip"
            && (long)a["size"]! == new FileInfo(Path.Combine(run.OutputDir, "tailpaste-2.0.0.tar.gz")).Length);
        Assert.Single(_github.Releases);
        Assert.Equal(6, _github.AssetsOf(1).Count);

        // The token is masked: never in the log, the summary or the report.
        // (::add-mask:: is how the runner learns the value to hide; it never shows that line.)
        Assert.Contains($"::add-mask::{Token}", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, WithoutMaskCommands(run.Stdout + run.Stderr) + File.ReadAllText(run.SummaryFile) + File.ReadAllText(outputs["report-path"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_updates_the_release_and_replaces_same_named_assets_without_duplicates()
    {
        using (var first = await ActionRun.StartAsync(_history.Path, Inputs()))
        {
            Assert.True(first.ExitCode == 0, first.Stdout);
        }

        var firstAssets = _github.AssetsOf(1).Select(a => ((long)a["id"]!, (string)a["name"]!)).ToList();
        var firstAssetIds = firstAssets.Select(a => a.Item1).ToList();
        _github.ClearRequests();

        using var second = await ActionRun.StartAsync(_history.Path, Inputs());

        Assert.True(second.ExitCode == 0, second.Stdout);
        var lines = _github.Lines;
        Assert.Equal($"GET api {Repo}/releases/tags/v2.0.0", lines[0]);
        Assert.Equal($"PATCH api {Repo}/releases/1", lines[1]);
        Assert.Equal($"GET api {Repo}/releases/1/assets", lines[2]);
        Assert.DoesNotContain(lines, l => l == $"POST api {Repo}/releases");
        Assert.Equal(firstAssetIds.Select(id => $"DELETE api {Repo}/releases/assets/{id}").Order(StringComparer.Ordinal), lines.Where(l => l.StartsWith("DELETE", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(6, lines.Count(l => l.StartsWith("POST uploads", StringComparison.Ordinal)));

        // Each DELETE comes before the upload of the same name.
        foreach (var (id, name) in firstAssets)
        {
            var deleted = lines.ToList().IndexOf($"DELETE api {Repo}/releases/assets/{id}");
            var uploaded = lines.ToList().IndexOf($"POST uploads {Repo}/releases/1/assets?name={name}");
            Assert.InRange(deleted, 3, uploaded - 1);
        }

        var update = JsonNode.Parse(_github.Requests[1].Body!)!;
        Assert.Equal(File.ReadAllText(second.Outputs["notes-path"]), (string?)update["body"]);
        Assert.Single(_github.Releases);
        Assert.Equal(_assetNames.Order(StringComparer.Ordinal), _github.AssetsOf(1).Select(a => (string)a["name"]!).Order(StringComparer.Ordinal));
        Assert.Empty(_github.AssetsOf(1).Select(a => (long)a["id"]!).Intersect(firstAssetIds));
        Assert.All(JsonNode.Parse(second.Outputs["assets"])!.AsArray(), a => Assert.True((bool)a!["replaced"]!));
    }

    [Fact]
    public async Task A_publish_only_run_uploads_what_an_earlier_run_left_in_output_dir()
    {
        var build = Inputs();
        build["steps"] = "validate, changelog, archive, checksums, installer";
        using var first = await ActionRun.StartAsync(_history.Path, build);
        Assert.True(first.ExitCode == 0, first.Stdout);
        Assert.Empty(_github.Requests);

        var publish = Inputs();
        publish["steps"] = "publish";
        publish["output-dir"] = first.OutputDir;
        using var second = await ActionRun.StartAsync(_history.Path, publish);

        Assert.True(second.ExitCode == 0, second.Stdout);
        Assert.Equal(_assetNames.Order(StringComparer.Ordinal), _github.AssetsOf(1).Select(a => (string)a["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllText(first.Outputs["notes-path"]), (string?)JsonNode.Parse(_github.Requests[1].Body!)!["body"]);
    }

    [Fact]
    public async Task Losing_the_create_race_to_another_job_fetches_and_updates_that_release()
    {
        _github.LoseNextCreateRace = true;

        using var run = await ActionRun.StartAsync(_history.Path, Inputs());

        Assert.True(run.ExitCode == 0, run.Stdout);
        Assert.Equal(
            [$"GET api {Repo}/releases/tags/v2.0.0", $"POST api {Repo}/releases", $"GET api {Repo}/releases/tags/v2.0.0", $"PATCH api {Repo}/releases/1", $"GET api {Repo}/releases/1/assets"],
            _github.Lines.Take(5));
        Assert.Single(_github.Releases);
        Assert.Equal(6, _github.AssetsOf(1).Count);
        Assert.Equal("1", run.Outputs["release-id"]);
    }

    [Fact]
    public async Task An_asset_a_rival_job_uploaded_meanwhile_is_replaced_not_duplicated()
    {
        _github.RivalUploadsFirst = "tailpaste-2.0.0.tar.gz";

        using var run = await ActionRun.StartAsync(_history.Path, Inputs());

        Assert.True(run.ExitCode == 0, run.Stdout);
        var upload = $"POST uploads {Repo}/releases/1/assets?name=tailpaste-2.0.0.tar.gz";
        var lines = _github.Lines.ToList();
        var first = lines.IndexOf(upload);
        Assert.Equal([upload, $"GET api {Repo}/releases/1/assets"], lines.Skip(first).Take(2));
        Assert.StartsWith($"DELETE api {Repo}/releases/assets/", lines[first + 2], StringComparison.Ordinal);
        Assert.Equal(upload, lines[first + 3]);
        var archives = _github.AssetsOf(1).Where(a => (string?)a["name"] == "tailpaste-2.0.0.tar.gz").ToList();
        Assert.Single(archives);
        Assert.Equal(new FileInfo(Path.Combine(run.OutputDir, "tailpaste-2.0.0.tar.gz")).Length, (long)archives[0]["size"]!);
        Assert.Equal(6, _github.AssetsOf(1).Count);
    }

    [Fact]
    public async Task Two_jobs_publishing_the_same_tag_at_once_end_with_one_release_and_one_copy_of_each_asset()
    {
        using var otherCopy = SampleHistory.Create();

        var runs = await Task.WhenAll(ActionRun.StartAsync(_history.Path, Inputs()), ActionRun.StartAsync(otherCopy.Path, Inputs()));

        try
        {
            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stdout));
            Assert.Single(_github.Releases);
            var id = (long)_github.Releases[0]["id"]!;
            Assert.Equal(_assetNames.Order(StringComparer.Ordinal), _github.AssetsOf(id).Select(a => (string)a["name"]!).Order(StringComparer.Ordinal));
            Assert.All(runs, r => Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Outputs["release-id"]));
        }
        finally
        {
            foreach (var run in runs)
            {
                run.Dispose();
            }
        }
    }

    [Fact]
    public async Task Moves_the_major_tag_creating_it_the_first_time()
    {
        var inputs = Inputs();
        inputs["move-major-tag"] = "true";
        inputs["steps"] = "validate, publish";

        using (var first = await ActionRun.StartAsync(_history.Path, inputs))
        {
            Assert.True(first.ExitCode == 0, first.Stdout);
        }

        var lines = _github.Lines;
        Assert.Equal([$"PATCH api {Repo}/git/refs/tags/v2", $"POST api {Repo}/git/refs"], lines.Skip(lines.Count - 2));
        Assert.Equal(JsonNode.Parse($$"""{"sha":"{{_history.Head}}","force":true}""")!.ToJsonString(), JsonNode.Parse(_github.Requests[^2].Body!)!.ToJsonString());
        Assert.Equal(JsonNode.Parse($$"""{"ref":"refs/tags/v2","sha":"{{_history.Head}}"}""")!.ToJsonString(), JsonNode.Parse(_github.Requests[^1].Body!)!.ToJsonString());
        Assert.Equal(_history.Head, _github.Refs["refs/tags/v2"]);

        _github.ClearRequests();
        using var second = await ActionRun.StartAsync(_history.Path, inputs);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"PATCH api {Repo}/git/refs/tags/v2", _github.Lines[^1]);
    }

    [Fact]
    public async Task A_pre_release_is_marked_and_never_moves_the_major_tag()
    {
        _history.Repository.Commit("feat: next thing (#77)");
        _history.Repository.Tag("v2.1.0-rc.1");
        var inputs = Inputs("v2.1.0-rc.1");
        inputs["move-major-tag"] = "true";

        using var run = await ActionRun.StartAsync(_history.Path, inputs);

        Assert.True(run.ExitCode == 0, run.Stdout);
        var create = JsonNode.Parse(_github.Requests.Single(r => r.Line == $"POST api {Repo}/releases").Body!)!;
        Assert.True((bool)create["prerelease"]!);
        Assert.Contains("next thing", (string?)create["body"], StringComparison.Ordinal);
        Assert.DoesNotContain(_github.Lines, l => l.Contains("/git/refs", StringComparison.Ordinal));
        Assert.Equal("true", run.Outputs["is-prerelease"]);
    }

    [Fact]
    public async Task Dry_run_prints_the_requests_and_sends_none()
    {
        var inputs = Inputs();
        inputs["dry-run"] = "true";
        inputs["move-major-tag"] = "true";

        using var run = await ActionRun.StartAsync(_history.Path, inputs);

        Assert.True(run.ExitCode == 0, run.Stdout);
        Assert.Empty(_github.Requests);
        var api = _github.ApiUrl.TrimEnd('/');
        Assert.Contains($"GET {api}{Repo}/releases/tags/v2.0.0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"POST {api}{Repo}/releases {{\"tag_name\":\"v2.0.0\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"GET {api}{Repo}/releases/{{id}}/assets", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("?name=tailpaste-2.0.0.tar.gz   Content-Type: application/gzip", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"PATCH {api}{Repo}/git/refs/tags/v2", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Outputs["release-id"]);
        Assert.DoesNotContain(Token, WithoutMaskCommands(run.Stdout) + File.ReadAllText(run.Outputs["report-path"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.2.3;rm -rf /", "version")]
    [InlineData("9.9.9", "version")]
    [InlineData("1.0.0", "version")]
    [InlineData("", "github-token")]
    public async Task Bad_input_exits_2_and_publishes_nothing(string version, string input)
    {
        var inputs = Inputs(version.Length > 0 ? version : "2.0.0");
        if (input == "github-token")
        {
            inputs.Remove("github-token");
        }

        using var run = await ActionRun.StartAsync(_history.Path, inputs);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Input '{input}'", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(_github.Requests);
        Assert.False(Directory.Exists(run.OutputDir));
    }

    [Fact]
    public async Task An_api_error_fails_the_step_with_exit_1()
    {
        var inputs = Inputs();
        inputs["repository"] = "octo/elsewhere";

        using var run = await ActionRun.StartAsync(_history.Path, inputs);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Release v2.0.0 failed", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(_github.Releases);
    }

    [Fact]
    public async Task A_redirect_to_another_port_fails_the_step_and_the_token_never_goes_there()
    {
        using var api = WireMockServer.Start();
        using var elsewhere = WireMockServer.Start();
        api.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", $"http://127.0.0.1:{elsewhere.Port}/repos/octo/tailpaste/releases/tags/v2.0.0"));
        var inputs = Inputs();
        inputs["github-api-url"] = $"http://127.0.0.1:{api.Port}";

        using var run = await ActionRun.StartAsync(_history.Path, inputs);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Refused to follow the redirect (307) from http://127.0.0.1:{api.Port} to http://127.0.0.1:{elsewhere.Port}", run.Stdout, StringComparison.Ordinal);
        Assert.Single(api.LogEntries);
        Assert.Empty(elsewhere.LogEntries);
        Assert.DoesNotContain(Token, WithoutMaskCommands(run.Stdout + run.Stderr), StringComparison.Ordinal);
    }

    private static string WithoutMaskCommands(string log) =>
        string.Join('\n', log.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)));

    private static string ReleaseAssetContentType(string name) => name switch
    {
        _ when name.EndsWith(".tar.gz", StringComparison.Ordinal) => "application/gzip",
        _ when name.EndsWith(".sh", StringComparison.Ordinal) => "application/x-sh",
        _ when name.EndsWith(".md", StringComparison.Ordinal) => "text/markdown",
        _ => "text/plain",
    };

    public void Dispose()
    {
        _github.Dispose();
        _history.Dispose();
    }
}
