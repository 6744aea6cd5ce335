using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Model;

/// <summary>An input a workflow (workflow_dispatch / workflow_call) or an action declares.</summary>
public sealed record InputDeclaration(ScalarNode Name, MappingNode? Body, string Source)
{
    public bool Required => Body?.GetScalar("required")?.Value is "true" or "True" or "TRUE";

    public bool HasDefault => Body?.Get("default") is { } value && !(value is ScalarNode { IsNull: true });

    public string? Type => Body?.GetScalar("type")?.Value;

    /// <summary>An action input's deprecationMessage (null when the input is not deprecated).</summary>
    public string? DeprecationMessage => Body?.GetScalar("deprecationMessage") is { IsNull: false } message ? message.Value : null;
}
