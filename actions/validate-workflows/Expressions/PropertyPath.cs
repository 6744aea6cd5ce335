namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// A chain like <c>steps.build.outputs.version</c> read as segments; <c>[*]</c>, <c>.*</c> and computed
/// indexes become <c>*</c>, <c>['name']</c> becomes <c>name</c>.
/// </summary>
public sealed record PropertyPath(IReadOnlyList<string> Segments, IReadOnlyList<int> Offsets)
{
    public string Root => Segments[0];

    public string? At(int index) => index < Segments.Count ? Segments[index] : null;

    public override string ToString() => string.Join('.', Segments);

    /// <summary>The path of a property/index/filter chain rooted at a context name, or null for anything else.</summary>
    public static PropertyPath? Of(ExpressionNode node)
    {
        var segments = new List<string>();
        var offsets = new List<int>();
        var current = node;
        while (true)
        {
            switch (current)
            {
                case VariableNode variable:
                    segments.Add(variable.Name);
                    offsets.Add(variable.Offset);
                    segments.Reverse();
                    offsets.Reverse();
                    return new PropertyPath(segments, offsets);
                case PropertyNode property:
                    segments.Add(property.Name);
                    offsets.Add(property.Offset);
                    current = property.Receiver;
                    break;
                case IndexNode { Index: LiteralNode { Value: string name } } index:
                    segments.Add(name);
                    offsets.Add(index.Offset);
                    current = index.Receiver;
                    break;
                case IndexNode index:
                    segments.Add("*");
                    offsets.Add(index.Offset);
                    current = index.Receiver;
                    break;
                case FilterNode filter:
                    segments.Add("*");
                    offsets.Add(filter.Offset);
                    current = filter.Receiver;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// Every chain in the tree that reads a named member of the context <paramref name="root"/>:
    /// <c>steps.build…</c>, not <c>steps</c> alone nor <c>steps.*</c>.
    /// </summary>
    public static IEnumerable<PropertyPath> MembersOf(ExpressionNode? tree, string root) =>
        AllIn(tree).Where(p => p.Root.Equals(root, StringComparison.OrdinalIgnoreCase) && p.Segments.Count > 1 && p.Segments[1] != "*");

    /// <summary>Every maximal property chain in the tree (a chain's own receivers are not listed again).</summary>
    public static IEnumerable<PropertyPath> AllIn(ExpressionNode? tree)
    {
        if (tree is null)
        {
            yield break;
        }

        if (tree is VariableNode or PropertyNode or IndexNode or FilterNode && Of(tree) is { } path)
        {
            yield return path;
            foreach (var inner in IndexArguments(tree).SelectMany(AllIn))
            {
                yield return inner;
            }

            yield break;
        }

        foreach (var child in Children(tree))
        {
            foreach (var inner in AllIn(child))
            {
                yield return inner;
            }
        }
    }

    public static IEnumerable<ExpressionNode> Children(ExpressionNode node) => node switch
    {
        PropertyNode p => [p.Receiver],
        IndexNode i => [i.Receiver, i.Index],
        FilterNode f => [f.Receiver],
        CallNode c => c.Arguments,
        NotNode n => [n.Operand],
        BinaryNode b => [b.Left, b.Right],
        _ => [],
    };

    /// <summary>Every node of the tree, depth first.</summary>
    public static IEnumerable<ExpressionNode> Descendants(ExpressionNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        foreach (var child in Children(node))
        {
            foreach (var inner in Descendants(child))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<ExpressionNode> IndexArguments(ExpressionNode node)
    {
        for (var current = node; current is not null;)
        {
            switch (current)
            {
                case IndexNode index:
                    yield return index.Index;
                    current = index.Receiver;
                    break;
                case PropertyNode property:
                    current = property.Receiver;
                    break;
                case FilterNode filter:
                    current = filter.Receiver;
                    break;
                default:
                    current = null;
                    break;
            }
        }
    }
}
