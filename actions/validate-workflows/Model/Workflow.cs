using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Model;

/// <summary>A workflow file: its triggers, declared inputs and jobs, each pointing back at its YAML nodes.</summary>
public sealed class Workflow
{
    public Workflow(SourceFile file, MappingNode root)
    {
        File = file;
        Root = root;
        Triggers = ReadTriggers(root.Get("on"));
        Inputs = ReadInputs(Triggers);
        // Job ids are case-insensitive: a job repeated in another case is refused (duplicate-key says so) and not a job.
        Jobs = (root.GetMapping("jobs")?.Entries ?? [])
            .DistinctBy(e => e.Key.Value, StringComparer.OrdinalIgnoreCase)
            .Where(e => e.Value is MappingNode)
            .Select(e => new Job(this, e.Key, (MappingNode)e.Value))
            .ToList();
    }

    public SourceFile File { get; }

    public MappingNode Root { get; }

    public IReadOnlyList<Trigger> Triggers { get; }

    /// <summary>Inputs of workflow_dispatch and workflow_call, by name (case-insensitive, as GitHub compares them).</summary>
    public IReadOnlyDictionary<string, InputDeclaration> Inputs { get; }

    public IReadOnlyList<Job> Jobs { get; }

    public Trigger? FindTrigger(string name) => Triggers.FirstOrDefault(t => t.Name.Value == name);

    public Job? FindJob(string id) => Jobs.FirstOrDefault(j => string.Equals(j.Id.Value, id, StringComparison.OrdinalIgnoreCase));

    public bool IsReusable => FindTrigger("workflow_call") is not null;

    private static List<Trigger> ReadTriggers(Node? on) => on switch
    {
        ScalarNode { IsNull: false } one => [new Trigger(one, null)],
        SequenceNode many => many.Items.OfType<ScalarNode>().Select(s => new Trigger(s, null)).ToList(),
        MappingNode events => events.Entries.Select(e => new Trigger(e.Key, e.Value)).ToList(),
        _ => [],
    };

    private static Dictionary<string, InputDeclaration> ReadInputs(IReadOnlyList<Trigger> triggers)
    {
        var inputs = new Dictionary<string, InputDeclaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var trigger in triggers.Where(t => t.Name.Value is "workflow_dispatch" or "workflow_call"))
        {
            foreach (var (name, body) in trigger.Filters?.GetMapping("inputs")?.Entries ?? [])
            {
                inputs.TryAdd(name.Value, new InputDeclaration(name, body as MappingNode, trigger.Name.Value));
            }
        }

        return inputs;
    }
}
