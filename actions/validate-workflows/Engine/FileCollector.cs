using Tailpaste.Shared.Actions;
using Tailpaste.ValidateWorkflows.Configuration;

namespace Tailpaste.ValidateWorkflows.Engine;

/// <summary>
/// Turns the <c>paths</c> input into files: a file as given, a folder's *.yml/*.yaml files (recursively), a glob
/// matched against paths relative to the root. Without paths: .github/workflows and every action.yml.
/// </summary>
public static class FileCollector
{
    private static readonly HashSet<string> _skippedFolders = new(StringComparer.Ordinal)
    {
        ".git", "bin", "obj", "node_modules", "artifacts", "TestResults", "dist", ".tools",
    };

    public static FileSelection Collect(string root, IReadOnlyList<string> paths, LintConfig config)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(config);
        var files = new List<string>();
        if (paths.Count == 0)
        {
            var workflows = Path.Combine(root, ".github", "workflows");
            if (Directory.Exists(workflows))
            {
                files.AddRange(Directory.EnumerateFiles(workflows).Where(IsYaml).Order(StringComparer.Ordinal));
            }

            files.AddRange(Walk(root).Where(f => Path.GetFileName(f) is "action.yml" or "action.yaml").Order(StringComparer.Ordinal));
        }

        foreach (var path in paths)
        {
            var full = Path.GetFullPath(Path.Combine(root, path));
            if (File.Exists(full))
            {
                files.Add(full);
            }
            else if (Directory.Exists(full))
            {
                files.AddRange(Walk(full).Where(IsYaml).Order(StringComparer.Ordinal));
            }
            else if (Glob.IsPattern(path))
            {
                var pattern = Glob.ToRegex(Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path);
                var matches = Walk(root).Where(f => pattern.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/'))).Order(StringComparer.Ordinal).ToList();
                if (matches.Count == 0)
                {
                    throw new InputException("paths", path, "a glob that matches at least one file under " + root);
                }

                files.AddRange(matches);
            }
            else
            {
                throw new InputException("paths", path, "an existing file, folder or glob");
            }
        }

        var found = files.Distinct(StringComparer.Ordinal).ToList();
        var kept = found.Where(f => !config.IsIgnored(Path.GetRelativePath(root, f).Replace('\\', '/'))).ToList();
        return new FileSelection(kept, found.Count - kept.Count);
    }

    private static bool IsYaml(string path) => path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Walk(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(current).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (Directory.Exists(entry))
                {
                    if (!_skippedFolders.Contains(Path.GetFileName(entry)) && (File.GetAttributes(entry) & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(entry);
                    }
                }
                else
                {
                    yield return entry;
                }
            }
        }
    }
}
