using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Model;

/// <summary>An action.yml: inputs, outputs and how it runs (composite actions also have steps).</summary>
public sealed class ActionMetadata
{
    public ActionMetadata(SourceFile file, MappingNode root)
    {
        File = file;
        Root = root;
        Inputs = (root.GetMapping("inputs")?.Entries ?? [])
            .GroupBy(e => e.Key.Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new InputDeclaration(g.First().Key, g.First().Value as MappingNode, "action"), StringComparer.OrdinalIgnoreCase);
        Outputs = (root.GetMapping("outputs")?.Entries ?? []).Select(e => e.Key.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Steps = (Runs?.GetSequence("steps")?.Items ?? [])
            .Select((node, index) => (node, index))
            .Where(s => s.node is MappingNode)
            .Select(s => new Step(s.index, (MappingNode)s.node, null))
            .ToList();
    }

    public SourceFile File { get; }

    public MappingNode Root { get; }

    public IReadOnlyDictionary<string, InputDeclaration> Inputs { get; }

    public IReadOnlySet<string> Outputs { get; }

    public MappingNode? Runs => Root.GetMapping("runs");

    public string? Using => Runs?.GetScalar("using")?.Value;

    public IReadOnlyList<Step> Steps { get; }
}
