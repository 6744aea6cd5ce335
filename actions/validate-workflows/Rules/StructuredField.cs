using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// A workflow key that takes a mapping or a list but may be given as one <c>${{ }}</c> instead: <c>env</c> (of the
/// workflow, a job, a step, the job container or a service), <c>services</c>, <c>strategy.matrix</c> and each row
/// of the matrix. GitHub fails the run when that expression gives another type, so a type known from the contexts
/// (a string such as <c>github.ref</c>, an array for <c>env</c>) is reported before the run.
/// </summary>
public sealed record StructuredField(string Description, ExpressionType Expected)
{
    private static readonly StructuredField _env = new("env", ObjectType.Loose());
    private static readonly StructuredField _services = new("services", ObjectType.Loose());
    private static readonly StructuredField _matrix = new("matrix", ObjectType.Loose());
    private static readonly StructuredField _matrixRow = new("matrix row", new ArrayType(ExpressionType.Any));

    public bool Accepts(ExpressionType type) => type is AnyType || Expected.Accepts(type);

    /// <summary>The message, in actionlint's words (so the two read alike side by side).</summary>
    public string Mismatch(ExpressionType type) =>
        $"type of expression at \"{Description}\" must be {(Expected is ArrayType ? "array" : "object")} but found type {type}";

    /// <summary>The structured key whose whole value is the scalar of <paramref name="use"/>, or null.</summary>
    public static StructuredField? Of(ExpressionUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var value = use.Node;
        if (use.Step is { } step)
        {
            return Is(step.Body.Get("env"), value) ? _env : null;
        }

        if (use.Job is { } job)
        {
            var body = job.Body;
            if (Is(body.Get("env"), value) || Is(body.GetMapping("container")?.Get("env"), value))
            {
                return _env;
            }

            if (body.Get("services") is { } services)
            {
                if (Is(services, value))
                {
                    return _services;
                }

                foreach (var (_, service) in (services as MappingNode)?.Entries ?? [])
                {
                    if (Is((service as MappingNode)?.Get("env"), value))
                    {
                        return _env;
                    }
                }
            }

            return Matrix(body.GetMapping("strategy")?.Get("matrix"), value);
        }

        return use.Workflow is { } workflow && Is(workflow.Root.Get("env"), value) ? _env : null;
    }

    private static StructuredField? Matrix(Node? matrix, ScalarNode value)
    {
        if (Is(matrix, value))
        {
            return _matrix;
        }

        foreach (var (key, row) in (matrix as MappingNode)?.Entries ?? [])
        {
            // include and exclude are lists of combinations, checked by the matrix rules.
            if (Is(row, value) && key.Value is not ("include" or "exclude"))
            {
                return _matrixRow;
            }
        }

        return null;
    }

    private static bool Is(Node? node, ScalarNode value) => ReferenceEquals(node, value);
}
