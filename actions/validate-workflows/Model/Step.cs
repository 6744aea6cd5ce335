using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Model;

/// <summary>A step of a job (or of a composite action, then <see cref="Job"/> is null).</summary>
public sealed class Step
{
    public Step(int index, MappingNode body, Job? job)
    {
        Index = index;
        Body = body;
        Job = job;
    }

    public int Index { get; }

    public MappingNode Body { get; }

    public Job? Job { get; }

    public ScalarNode? Id => Body.GetScalar("id");

    public ScalarNode? Name => Body.GetScalar("name");

    public ScalarNode? Uses => Body.GetScalar("uses");

    public ScalarNode? Run => Body.GetScalar("run");

    public ScalarNode? If => Body.GetScalar("if");

    public ScalarNode? Shell => Body.GetScalar("shell");

    public MappingNode? With => Body.GetMapping("with");

    /// <summary>A <c>uses: ./path</c> (or <c>$/path</c>) reference to an action in this repository.</summary>
    public bool UsesLocalAction => Uses?.Value is { } uses && LocalReference.Is(uses);

    /// <summary>True when <c>uses</c> names this repository's action folder <paramref name="actionName"/> (actions/&lt;name&gt;).</summary>
    public bool UsesRepositoryAction(string actionName)
    {
        var uses = Uses?.Value.TrimEnd('/');
        return uses is not null && UsesLocalAction && uses.EndsWith("actions/" + actionName, StringComparison.Ordinal);
    }

    /// <summary>True when the step's <c>id</c> is <paramref name="id"/> (GitHub compares ids without case).</summary>
    public bool HasId(string id) => Id?.Value.Equals(id, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A short label for messages: the id, the name or the position.</summary>
    public string Label => Id?.Value ?? Name?.Value ?? $"#{Index + 1}";
}
