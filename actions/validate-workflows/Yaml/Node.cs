namespace Tailpaste.ValidateWorkflows.Yaml;

/// <summary>A YAML node with the position of its first and one-past-last character.</summary>
public abstract class Node
{
    protected Node(Position start, Position end)
    {
        Start = start;
        End = end;
    }

    public Position Start { get; }

    public Position End { get; }

    /// <summary>How many nodes this subtree holds, aliases counted as expanded (the loader caps it).</summary>
    public long Size { get; internal set; } = 1;

    /// <summary>A short name of the node's kind for messages ("mapping", "sequence", "string").</summary>
    public abstract string KindName { get; }
}
