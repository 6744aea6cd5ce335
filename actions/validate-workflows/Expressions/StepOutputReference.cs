using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// A <c>steps.&lt;id&gt;.outputs.&lt;name&gt;</c> read in an expression, of a step that exists where the
/// expression is evaluated: the rules that know a step's action check the output name against it.
/// </summary>
public sealed record StepOutputReference(Step Step, string StepId, string Output, Position At)
{
    /// <summary>Every named output (not <c>*</c>) read from a step found by its id, in the order they are written.</summary>
    public static IEnumerable<StepOutputReference> In(ExpressionUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (use.Steps is not { } steps)
        {
            yield break;
        }

        foreach (var path in PropertyPath.MembersOf(use.Tree, "steps"))
        {
            if (path.At(2) != "outputs" || path.At(3) is not { } output || output == "*")
            {
                continue;
            }

            var id = path.Segments[1];
            if (steps.FirstOrDefault(s => s.HasId(id)) is { } step)
            {
                yield return new StepOutputReference(step, id, output, use.At(path.Offsets[3]));
            }
        }
    }
}
