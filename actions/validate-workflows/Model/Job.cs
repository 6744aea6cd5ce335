using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Model;

/// <summary>A job with its id, the jobs it needs, its steps and its matrix keys.</summary>
public sealed class Job
{
    public Job(Workflow workflow, ScalarNode id, MappingNode body)
    {
        Workflow = workflow;
        Id = id;
        Body = body;
        Needs = ReadNeeds(body.Get("needs"));
        var steps = body.GetSequence("steps")?.Items ?? [];
        Steps = steps.Select((node, index) => (node, index))
            .Where(s => s.node is MappingNode)
            .Select(s => new Step(s.index, (MappingNode)s.node, this))
            .ToList();
        MatrixKeys = ReadMatrixKeys(body.GetMapping("strategy")?.Get("matrix"));
    }

    public Workflow Workflow { get; }

    public ScalarNode Id { get; }

    public MappingNode Body { get; }

    public IReadOnlyList<ScalarNode> Needs { get; }

    public IReadOnlyList<Step> Steps { get; }

    public ScalarNode? Uses => Body.GetScalar("uses");

    /// <summary>A job that calls a reusable workflow instead of running steps.</summary>
    public bool IsWorkflowCall => Body.Has("uses");

    public bool HasMatrix => Body.GetMapping("strategy")?.Has("matrix") == true;

    /// <summary>The keys <c>matrix.*</c> can name; null when the matrix is built by an expression and cannot be known.</summary>
    public IReadOnlySet<string>? MatrixKeys { get; }

    public MappingNode? Outputs => Body.GetMapping("outputs");

    private static List<ScalarNode> ReadNeeds(Node? node) => node switch
    {
        ScalarNode { IsNull: false } one => [one],
        SequenceNode many => many.Items.OfType<ScalarNode>().ToList(),
        _ => [],
    };

    private static HashSet<string>? ReadMatrixKeys(Node? matrix)
    {
        if (matrix is not MappingNode mapping)
        {
            return matrix is null ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null;
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Entries)
        {
            if (key.ContainsExpression)
            {
                return null;
            }

            if (key.Value is "include" or "exclude")
            {
                if (value is ScalarNode { ContainsExpression: true })
                {
                    return null;
                }

                if (key.Value == "include" && value is SequenceNode includes)
                {
                    foreach (var entry in includes.Items)
                    {
                        if (entry is MappingNode include)
                        {
                            keys.UnionWith(include.Entries.Select(e => e.Key.Value));
                        }
                        else if (entry is ScalarNode { ContainsExpression: true })
                        {
                            return null;
                        }
                    }
                }

                continue;
            }

            keys.Add(key.Value);
        }

        return keys;
    }
}
