namespace Tailpaste.ValidateWorkflows.Yaml;

public sealed class SequenceNode : Node
{
    public SequenceNode(IReadOnlyList<Node> items, Position start, Position end)
        : base(start, end)
    {
        Items = items;
    }

    public IReadOnlyList<Node> Items { get; }

    public override string KindName => "sequence";
}
