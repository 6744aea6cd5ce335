using System.Reflection;

namespace Tailpaste.TestKit;

/// <summary>
/// The repository root (the folder with Tailpaste.Actions.sln). The build records it in this assembly,
/// because with TAILPASTE_ARTIFACTS the test binaries live outside the repository.
/// </summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var recorded = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        var candidates = new[] { recorded, AppContext.BaseDirectory, Environment.CurrentDirectory };
        foreach (var start in candidates.Where(c => !string.IsNullOrEmpty(c)))
        {
            for (var directory = new DirectoryInfo(start!); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Tailpaste.Actions.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No Tailpaste.Actions.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}
