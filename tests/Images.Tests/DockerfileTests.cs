using System.Text.RegularExpressions;
using Tailpaste.Images.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Images.Tests;

/// <summary>
/// The shape of the root Dockerfile that keeps the runner's build fast and unbreakable: pinned bases, restore
/// keyed on project files, one publish stage and one released target per action, and `actions` last.
/// </summary>
public sealed partial class DockerfileTests
{
    private readonly Dockerfile _dockerfile = Dockerfile.Load();

    /// <summary>Every folder under actions/ with an action.yml, by name.</summary>
    public static IReadOnlyList<string> ActionNames() =>
        Directory.GetDirectories(RepositoryRoot.Combine("actions"))
            .Where(folder => File.Exists(Path.Combine(folder, "action.yml")))
            .Select(folder => Path.GetFileName(folder))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Actions() => new(ActionNames());

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("samples/paste-service/Dockerfile")]
    public void Every_base_image_is_pinned_by_digest_with_its_tag_kept_for_readers_and_Dependabot(string path)
    {
        var dockerfile = Dockerfile.Load(path);
        var external = dockerfile.FromLines
            .Select(l => l.Split(' ')[1])
            .Where(image => !NamesStages(dockerfile, image))
            .ToList();

        Assert.NotEmpty(external);
        Assert.All(external, image => Assert.Matches(PinnedImage(), image));
    }

    [Fact]
    public void The_last_stage_is_the_image_with_every_action_because_the_runner_builds_the_last_stage()
    {
        Assert.Equal("actions", _dockerfile.Stages[^1]);
    }

    [Fact]
    public void Restore_copies_only_project_files_and_build_settings_before_it_runs()
    {
        var restore = _dockerfile.Stage("restore");
        var restoreAt = restore.ToList().FindIndex(i => i.StartsWith("RUN ", StringComparison.Ordinal) && i.Contains("dotnet restore", StringComparison.Ordinal));
        var copiesBefore = restore.Take(restoreAt).Where(i => i.StartsWith("COPY ", StringComparison.Ordinal)).ToList();

        Assert.True(restoreAt > 0, "the restore stage runs no dotnet restore");
        Assert.All(copiesBefore, copy => Assert.Matches(@"^COPY ((\S+\.(csproj|props|json)) )+\S+/?$", copy));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Each_action_has_its_restore_input_publish_stage_released_target_and_a_place_in_the_runner_image(string action)
    {
        var project = Path.GetFileName(Directory.GetFiles(RepositoryRoot.Combine("actions", action), "*.csproj").Single());

        Assert.Contains($"COPY actions/{action}/{project} actions/{action}/", _dockerfile.Stage("restore"));
        Assert.Contains($"COPY actions/{action}/ actions/{action}/", _dockerfile.Stage("compile-" + action));
        Assert.Equal("shared-api", _dockerfile.Parent("compile-" + action));
        Assert.Equal($"compile-{action}", _dockerfile.Parent("publish-" + action));
        Assert.Contains($"COPY --from=shared /shared/runtime/ /app/{action}/", _dockerfile.Stage("publish-" + action));
        Assert.Contains(_dockerfile.Stage(action), i => i == $"LABEL tailpaste.actions=\"{action}\"");
        Assert.Contains($"COPY --from=publish-{action} /app/{action} /app/{action}", _dockerfile.Stage(action));
        Assert.Contains($"COPY --from=publish-{action} /app/{action} /app/{action}", _dockerfile.Stage("actions"));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void A_Native_AOT_action_is_released_on_runtime_deps_alone_and_the_others_on_the_dotnet_runtime(string action)
    {
        var project = File.ReadAllText(Directory.GetFiles(RepositoryRoot.Combine("actions", action), "*.csproj").Single());
        var nativeAot = project.Contains("<PublishAot Condition=\"'$(TailpastePublish)' == 'aot'\">true</PublishAot>", StringComparison.Ordinal);

        var parent = _dockerfile.Parent(action);

        // An AOT binary needs no runtime (a smaller image); anything else would not start without one.
        Assert.Equal(nativeAot ? "base" : "base-dotnet", parent == "base-git" ? _dockerfile.Parent("base-git") : parent);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Each_action_yml_builds_the_root_Dockerfile_and_names_itself_in_args(string action)
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("actions", action, "action.yml"));
        var runs = text[text.IndexOf("\nruns:", StringComparison.Ordinal)..];

        Assert.Contains("\n  using: docker\n", runs, StringComparison.Ordinal);
        Assert.Contains("\n  image: ../../Dockerfile\n", runs, StringComparison.Ordinal);
        Assert.Contains($"\n  args:\n    - {action}", runs, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dockerignore_keeps_build_output_history_tests_benchmarks_and_docs_out_of_the_context()
    {
        var patterns = File.ReadAllLines(RepositoryRoot.Combine(".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "**/bin/", "**/obj/", ".git/", "bench/", "tests/", "**/*.md" }, patterns);
    }

    // A stage, or a stage chosen by the build argument PUBLISH (FROM shared-api-${PUBLISH}) for each value it takes.
    private static bool NamesStages(Dockerfile dockerfile, string image) =>
        image.Contains("${PUBLISH}", StringComparison.Ordinal)
            ? new[] { "jit", "aot" }.All(value => dockerfile.Stages.Contains(image.Replace("${PUBLISH}", value, StringComparison.Ordinal)))
            : dockerfile.Stages.Contains(image);

    [GeneratedRegex(@"^[a-z0-9.-]+(/[a-z0-9._-]+)+:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}$")]
    private static partial Regex PinnedImage();
}
