namespace Tailpaste.ValidateWorkflows.Yaml;

/// <summary>
/// A mapping whose keys are scalars, in source order. <see cref="Entries"/> holds the first entry of each key:
/// GitHub refuses a repeated key, so what a repeat holds is never read, and the rules do not look inside it;
/// <see cref="AllEntries"/> keeps the repeats for the rule that reports them. Keys in another case stay apart here
/// (<c>NAME</c> next to <c>name</c> is an unknown key); where GitHub ignores case (job ids) the model says so.
/// </summary>
public sealed class MappingNode : Node
{
    public MappingNode(IReadOnlyList<KeyValuePair<ScalarNode, Node>> entries, Position start, Position end)
        : base(start, end)
    {
        AllEntries = entries;
        Entries = HasRepeatedKey(entries) ? entries.DistinctBy(e => e.Key.Value, StringComparer.Ordinal).ToList() : entries;
    }

    public IReadOnlyList<KeyValuePair<ScalarNode, Node>> Entries { get; }

    public IReadOnlyList<KeyValuePair<ScalarNode, Node>> AllEntries { get; }

    public override string KindName => "mapping";

    /// <summary>Most mappings are small and have no repeat: compare pairwise there, hash only the large ones.</summary>
    private static bool HasRepeatedKey(IReadOnlyList<KeyValuePair<ScalarNode, Node>> entries)
    {
        if (entries.Count > 16)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return entries.Any(e => !seen.Add(e.Key.Value));
        }

        for (var i = 1; i < entries.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(entries[i].Key.Value, entries[j].Key.Value, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The value of the first entry with exactly this key.</summary>
    public Node? Get(string key) => Entry(key)?.Value;

    public ScalarNode? GetScalar(string key) => Get(key) as ScalarNode;

    public MappingNode? GetMapping(string key) => Get(key) as MappingNode;

    public SequenceNode? GetSequence(string key) => Get(key) as SequenceNode;

    public bool Has(string key) => Entry(key) is not null;

    public ScalarNode? KeyOf(string key) => Entry(key)?.Key;

    private KeyValuePair<ScalarNode, Node>? Entry(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }
}
