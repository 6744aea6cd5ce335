using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// A workflow key whose value GitHub reads as a number or a boolean: <c>timeout-minutes</c>, <c>max-parallel</c>,
/// <c>continue-on-error</c>, <c>fail-fast</c>, <c>cancel-in-progress</c>, <c>environment.deployment</c>. A single <c>${{ }}</c> there must give
/// that type (or a value whose type is not known), or the run fails when the expression is evaluated.
/// </summary>
public sealed record TypedField(string Description, ExpressionType Expected)
{
    private static readonly TypedField _float = new("float number value", ExpressionType.Number);
    private static readonly TypedField _integer = new("integer value", ExpressionType.Number);
    private static readonly TypedField _boolean = new("boolean value", ExpressionType.Bool);

    public bool Accepts(ExpressionType type) => type is AnyType || type == Expected;

    /// <summary>The message, in actionlint's words (so the two read alike side by side).</summary>
    public string Mismatch(ExpressionType type) => Expected is BoolType
        ? $"type of expression must be bool but found type {type}"
        : $"type of expression at \"{Description}\" must be number but found type {type}";

    /// <summary>The typed key whose whole value is the scalar of <paramref name="use"/>, or null.</summary>
    public static TypedField? Of(ExpressionUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (use.Step is { } step)
        {
            return Field(step.Body, use.Node, ("timeout-minutes", _float), ("continue-on-error", _boolean));
        }

        if (use.Job is { } job)
        {
            return Field(job.Body, use.Node, ("timeout-minutes", _float), ("continue-on-error", _boolean))
                ?? Field(job.Body.GetMapping("strategy"), use.Node, ("max-parallel", _integer), ("fail-fast", _boolean))
                ?? Field(job.Body.GetMapping("concurrency"), use.Node, ("cancel-in-progress", _boolean))
                ?? Field(job.Body.GetMapping("environment"), use.Node, ("deployment", _boolean));
        }

        return use.Workflow is { } workflow ? Field(workflow.Root.GetMapping("concurrency"), use.Node, ("cancel-in-progress", _boolean)) : null;
    }

    private static TypedField? Field(MappingNode? section, ScalarNode value, params (string Key, TypedField Field)[] keys)
    {
        foreach (var (key, field) in keys)
        {
            if (section?.Get(key) is { } node && ReferenceEquals(node, value))
            {
                return field;
            }
        }

        return null;
    }
}
