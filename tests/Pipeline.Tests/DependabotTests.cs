using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.Pipeline.Tests;

/// <summary>.github/dependabot.yml keeps NuGet packages, pinned actions and Dockerfile base images current.</summary>
public class DependabotTests
{
    [Fact]
    public void Dependabot_updates_nuget_github_actions_and_every_dockerfile_folder_on_a_schedule()
    {
        var root = (MappingNode)YamlLoader.Load(File.ReadAllText(RepositoryRoot.Combine(".github", "dependabot.yml"))).Root!;
        Assert.Equal("2", root.GetScalar("version")?.Value);
        var updates = root.GetSequence("updates")!.Items.Cast<MappingNode>()
            .Select(u => (Ecosystem: u.GetScalar("package-ecosystem")!.Value, Directory: u.GetScalar("directory")!.Value, Interval: u.GetMapping("schedule")?.GetScalar("interval")?.Value))
            .ToList();

        Assert.All(updates, u => Assert.Contains(u.Interval, new[] { "daily", "weekly", "monthly" }));
        Assert.Contains(updates, u => u is { Ecosystem: "nuget", Directory: "/" });
        Assert.Contains(updates, u => u is { Ecosystem: "github-actions", Directory: "/" });
        // Every folder that holds a Dockerfile (outside tests and bench, whose images are stand-ins) is watched.
        var dockerFolders = Directory.GetFiles(RepositoryRoot.Path, "Dockerfile", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(RepositoryRoot.Path, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Select(f => f == "/." ? "/" : f)
            .Where(f => !f.StartsWith("/tests", StringComparison.Ordinal) && !f.StartsWith("/bench", StringComparison.Ordinal)
                && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.StartsWith("/artifacts", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("/", dockerFolders);
        Assert.All(dockerFolders, folder => Assert.Contains(updates, u => u.Ecosystem == "docker" && u.Directory == folder));
    }
}
