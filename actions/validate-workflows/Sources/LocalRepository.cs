using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Sources;

/// <summary>
/// The repository the linted files live in: resolves <c>./</c> references to local actions and reusable
/// workflows (loaded once and cached) and lists the names of its workflows for <c>workflow_run</c>.
/// </summary>
public sealed class LocalRepository
{
    private readonly Dictionary<string, LocalFile<ActionMetadata>> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalFile<Workflow>> _workflows = new(StringComparer.Ordinal);
    private IReadOnlySet<string>? _workflowNames;

    public LocalRepository(string root)
    {
        Root = Path.GetFullPath(root);
        Reader = new SafeFileReader(Root, YamlLimits.Default.MaxBytes);
    }

    public string Root { get; }

    /// <summary>How every file of the repository is read: confined to it, size-checked, never through a device.</summary>
    public SafeFileReader Reader { get; }

    /// <summary>The path users see: relative to the root when inside it, '/' separated.</summary>
    public string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative).Replace('\\', '/');
    }

    /// <summary>The action a <c>uses: ./dir</c> names: its action.yml (or action.yaml) under the root.</summary>
    public LocalFile<ActionMetadata> Action(string uses) => Resolve(_actions, uses, folder =>
    {
        var file = new[] { "action.yml", "action.yaml" }.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
        return file is null
            ? new LocalFile<ActionMetadata>(null, $"no action.yml or action.yaml in {DisplayPath(folder)}", IsMissing: true)
            : Load(file, (source, root) => new ActionMetadata(source, root));
    });

    /// <summary>The reusable workflow a <c>uses: ./.github/workflows/x.yml</c> names.</summary>
    public LocalFile<Workflow> Workflow(string uses) => Resolve(_workflows, uses, path =>
        File.Exists(path)
            ? Load(path, (source, root) => new Workflow(source, root))
            : new LocalFile<Workflow>(null, $"{DisplayPath(path)} does not exist"));

    /// <summary>The names workflow_run can use: each workflow's <c>name:</c>, or its path when it has none.</summary>
    public IReadOnlySet<string> WorkflowNames => _workflowNames ??= ReadWorkflowNames();

    private HashSet<string> ReadWorkflowNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var folder = Path.Combine(Root, ".github", "workflows");
        if (!Directory.Exists(folder))
        {
            return names;
        }

        foreach (var path in Directory.EnumerateFiles(folder).Where(p => p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            // Most workflows write "name: X" on a line of its own: read that without parsing the whole file.
            var name = Reader.Read(path).Text is { } text && WorkflowNameLine.TryRead(text, out var quick)
                ? quick
                : Workflow(DisplayPath(path)).Value?.Root.GetScalar("name")?.Value;
            names.Add(name ?? DisplayPath(path));
        }

        return names;
    }

    /// <summary>What a <c>./</c> reference names, loaded once; one that leads outside the root is never read.</summary>
    private LocalFile<T> Resolve<T>(Dictionary<string, LocalFile<T>> cache, string uses, Func<string, LocalFile<T>> load)
        where T : class
    {
        var path = Path.GetFullPath(Path.Combine(Root, LocalReference.FromRoot(uses)));
        if (!cache.TryGetValue(path, out var result))
        {
            result = Reader.StaysInside(path) ? load(path) : LocalFile<T>.Outside;
            cache[path] = result;
        }

        return result;
    }

    private LocalFile<T> Load<T>(string path, Func<SourceFile, MappingNode, T> build)
        where T : class
    {
        var read = Reader.Read(path);
        if (read.Text is not { } text)
        {
            return new LocalFile<T>(null, $"{DisplayPath(path)} cannot be read: {read.Problem}");
        }

        var document = YamlLoader.Load(text);
        if (document.Problems.Count > 0 && document.Root is null)
        {
            var problem = document.Problems[0];
            return new LocalFile<T>(null, $"{DisplayPath(path)}:{problem.Position.Line}:{problem.Position.Column} does not parse: {problem.Message}");
        }

        if (document.Root is not MappingNode root)
        {
            return new LocalFile<T>(null, $"{DisplayPath(path)} is not a YAML mapping");
        }

        return new LocalFile<T>(build(new SourceFile(DisplayPath(path), path, text), root), null);
    }
}

/// <summary>A file loaded on demand: the model, or why it could not be had.</summary>
/// <param name="IsOutside">The reference leads outside the repository (as written or through a link); nothing was read.</param>
/// <param name="IsMissing">There is no such file in the checkout being linted.</param>
public sealed record LocalFile<T>(T? Value, string? Error, bool IsOutside = false, bool IsMissing = false)
    where T : class
{
    public static LocalFile<T> Outside { get; } = new(null, "it leads outside the repository, so it was not read", IsOutside: true);
}
