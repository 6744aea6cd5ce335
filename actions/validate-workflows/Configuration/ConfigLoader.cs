using Tailpaste.ValidateWorkflows.Sources;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Configuration;

/// <summary>Reads the config file; any problem is a <see cref="FormatException"/> naming the file, line and key.</summary>
public static class ConfigLoader
{
    private static readonly string[] _keys = ["runner-labels", "disabled-rules", "ignore-paths", "trusted-owners"];

    public static LintConfig Load(string path, IReadOnlySet<string> knownRules, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(knownRules);
        var read = new SafeFileReader(repositoryRoot ?? Path.GetDirectoryName(Path.GetFullPath(path))!, YamlLimits.Default.MaxBytes).Read(path);
        if (read.Text is not { } text)
        {
            throw new FormatException($"{path}: {read.Problem}");
        }

        var document = YamlLoader.Load(text);
        if (document.Problems.Count > 0)
        {
            var problem = document.Problems[0];
            throw new FormatException($"{path}:{problem.Position.Line}:{problem.Position.Column}: {problem.Message}");
        }

        if (document.Root is null or ScalarNode { IsNull: true })
        {
            return LintConfig.Empty;
        }

        if (document.Root is not MappingNode root)
        {
            throw new FormatException($"{path}: expected a mapping with the keys {string.Join(", ", _keys)}");
        }

        foreach (var (key, _) in root.Entries)
        {
            if (!_keys.Contains(key.Value))
            {
                throw new FormatException($"{path}:{key.Start.Line}:{key.Start.Column}: unknown key '{key.Value}'; expected one of {string.Join(", ", _keys)}");
            }
        }

        var disabled = List(root, "disabled-rules", path);
        foreach (var rule in disabled.Where(r => !knownRules.Contains(r)))
        {
            throw new FormatException($"{path}: disabled-rules names '{rule}', which is not a rule; expected one of {string.Join(", ", knownRules.Order(StringComparer.Ordinal))}");
        }

        return new LintConfig
        {
            RunnerLabels = List(root, "runner-labels", path).ToHashSet(StringComparer.OrdinalIgnoreCase),
            DisabledRules = disabled.ToHashSet(StringComparer.Ordinal),
            IgnorePaths = List(root, "ignore-paths", path),
            TrustedOwners = List(root, "trusted-owners", path).ToHashSet(StringComparer.OrdinalIgnoreCase),
            SourcePath = Path.GetFullPath(path),
            IgnorePathsLine = root.KeyOf("ignore-paths")?.Start.Line ?? 1,
        };
    }

    private static List<string> List(MappingNode root, string key, string path) => root.Get(key) switch
    {
        null or ScalarNode { IsNull: true } => [],
        ScalarNode one => [one.Value],
        SequenceNode many when many.Items.All(i => i is ScalarNode) => many.Items.Cast<ScalarNode>().Select(s => s.Value).ToList(),
        var other => throw new FormatException($"{path}:{other.Start.Line}:{other.Start.Column}: '{key}' must be a list of strings"),
    };
}
