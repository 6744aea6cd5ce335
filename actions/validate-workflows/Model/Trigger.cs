using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Model;

/// <summary>One event under <c>on:</c>, with its filters when it has any.</summary>
public sealed record Trigger(ScalarNode Name, Node? Body)
{
    public MappingNode? Filters => Body as MappingNode;
}
