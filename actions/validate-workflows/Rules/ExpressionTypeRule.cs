using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Type-checks every expression (see <see cref="TypeChecker"/>), and refuses an object, an array or null spliced
/// into a string: GitHub prints them as "Object", "Array" or nothing. A value that is one <c>${{ }}</c> may be
/// structured where the key takes structured data (<c>env</c>, <c>runs-on</c>, the matrix, <c>services</c>...).
/// </summary>
public sealed class ExpressionTypeRule : Rule
{
    private static readonly HashSet<string> _structuredKeys = new(StringComparer.Ordinal)
    {
        "env", "runs-on", "labels", "services", "container", "continue-on-error", "timeout-minutes", "fail-fast",
        "max-parallel", "cancel-in-progress", "secrets", "with", "strategy", "matrix", "include", "exclude", "needs",
        "ports", "volumes", "credentials", "outputs", "environment", "concurrency", "defaults",
    };

    private readonly Dictionary<object, IReadOnlyDictionary<string, ExpressionType>> _contexts = new(ReferenceEqualityComparer.Instance);

    public override string Id => "expression-type";

    public override string Description => "Expressions are well typed: known properties of typed contexts, function arguments of the right type, comparisons that can be true, valid fromJSON literals, every format() argument used, no object, array or null spliced into a string.";

    public override void VisitDocument(Node? root, RuleContext context) => _contexts.Clear();

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        if (use.Tree is not { } tree)
        {
            return;
        }

        var owner = (object?)use.Job ?? (object?)use.Workflow ?? (object?)use.Action ?? use;
        if (!_contexts.TryGetValue(owner, out var contexts))
        {
            contexts = ContextTypes.For(use);
            _contexts[owner] = contexts;
        }

        var (type, problems) = TypeChecker.Check(tree, contexts);
        foreach (var (offset, message) in problems)
        {
            var at = use.At(offset);
            context.Report(at, message, at.Column + 1);
        }

        if (use.Node.IsSingleExpression && TypedField.Of(use) is { } field && !field.Accepts(type))
        {
            context.Report(use.Start, field.Mismatch(type), use.Start.Column + 3);
        }

        if (OnlyExpression(use.Node) && StructuredField.Of(use) is { } structured && !structured.Accepts(type))
        {
            context.Report(use.Start, structured.Mismatch(type), use.Start.Column + 3);
        }

        if (use.Location == ExpressionLocations.CallInputDefault && use.Node.IsSingleExpression && DeclaredInput(use) is var (name, declared)
            && declared is BoolType or NumberType && type is not AnyType && type != declared)
        {
            context.Report(use.Start, $"type of input \"{name}\" must be {declared} but found type {type}: its default does not fit its type", use.Start.Column + 3);
        }

        // A bare if: (no ${{ }}) is evaluated as a condition; written with ${{ }} it is a template like any other.
        var template = !use.Location.ImplicitExpression || use.Node.ContainsExpression;
        if (type is ObjectType or ArrayType or NullType && template && !Structured(use))
        {
            context.Report(use.Start, $"object, array, and null values should not be evaluated in template with ${{{{ }}}} but evaluating the value of type {type}", use.Start.Column + 3);
        }
    }

    /// <summary>The workflow_call input whose default holds the expression, with its declared type.</summary>
    private static (string Name, ExpressionType Type)? DeclaredInput(ExpressionUse use)
    {
        foreach (var (name, body) in use.Workflow?.FindTrigger("workflow_call")?.Filters?.GetMapping("inputs")?.Entries ?? [])
        {
            if (body is MappingNode input && ReferenceEquals(input.Get("default"), use.Node))
            {
                return (name.Value, input.GetScalar("type")?.Value switch
                {
                    "boolean" => ExpressionType.Bool,
                    "number" => ExpressionType.Number,
                    _ => ExpressionType.String,
                });
            }
        }

        return null;
    }

    /// <summary>The value is one <c>${{ }}</c> and nothing else (not two joined into a string).</summary>
    private static bool OnlyExpression(ScalarNode node) =>
        node.IsSingleExpression && node.Value.IndexOf("${{", node.Value.IndexOf("${{", StringComparison.Ordinal) + 3, StringComparison.Ordinal) < 0;

    /// <summary>One <c>${{ }}</c> as the whole value of a key that takes structured data.</summary>
    private static bool Structured(ExpressionUse use) =>
        use.Node.IsSingleExpression && (use.Key is null || _structuredKeys.Contains(use.Key) || use.Location == ExpressionLocations.JobStrategy);
}
