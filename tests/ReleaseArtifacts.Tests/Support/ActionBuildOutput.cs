using Tailpaste.TestKit;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// The action's own build output, to run it as a separate process. The copy in the test folder cannot run on
/// its own: the test host supplies some assemblies (Microsoft.Extensions.Primitives) from ASP.NET Core.
/// </summary>
public static class ActionBuildOutput
{
    public static string Dll { get; } = Find();

    private static string Find()
    {
        var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        string[] candidates =
        [
            // TAILPASTE_ARTIFACTS layout: <artifacts>/bin/<Project>/<config>/
            Path.Combine(testFolder.Parent!.Parent!.FullName, "ReleaseArtifacts", testFolder.Name),
            // Classic layout: <project>/bin/<Config>/<tfm>/
            RepositoryRoot.Combine("actions", "release-artifacts", "bin", testFolder.Parent.Name, testFolder.Name),
        ];
        return candidates.Select(c => Path.Combine(c, "release-artifacts.dll")).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"release-artifacts.dll not found in {string.Join(" or ", candidates)}.");
    }
}
