using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Duplicate keys in any mapping. GitHub's workflow reader compares keys ignoring case, so <c>Build</c> and
/// <c>build</c> under <c>jobs:</c> (or <c>FOO</c>/<c>foo</c> under <c>env:</c>) collide too.
/// </summary>
public sealed class DuplicateKeyRule : Rule
{
    public override string Id => "duplicate-key";

    public override string Description => "No mapping defines the same key twice (keys compare case-insensitively, as GitHub reads them).";

    public override void VisitDocument(Node? root, RuleContext context)
    {
        if (root is null)
        {
            return;
        }

        var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Node>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            if (node is SequenceNode sequence)
            {
                foreach (var item in sequence.Items)
                {
                    pending.Push(item);
                }
            }
            else if (node is MappingNode mapping)
            {
                var first = new Dictionary<string, ScalarNode>(StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in mapping.AllEntries)
                {
                    if (first.TryGetValue(key.Value, out var earlier))
                    {
                        var how = earlier.Value == key.Value ? string.Empty : $" (\"{earlier.Value}\"; keys are case-insensitive)";
                        context.Report(key, $"key \"{key.Value}\" is duplicated: it was already defined at line {earlier.Start.Line}, column {earlier.Start.Column}{how}");
                        continue;
                    }

                    first[key.Value] = key;
                    pending.Push(value);
                }
            }
        }
    }
}
