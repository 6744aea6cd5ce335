using Tailpaste.ValidateWorkflows.Expressions;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>matrix.&lt;key&gt;</c> names a key the job's matrix defines (including keys added by include).</summary>
public sealed class MatrixContextRule : Rule
{
    public override string Id => "matrix-context";

    public override string Description => "matrix.<key> names a key the job's strategy.matrix defines (or adds through include).";

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        if (use.Job is not { } job || job.MatrixKeys is not { } keys)
        {
            return;
        }

        foreach (var path in PropertyPath.MembersOf(use.Tree, "matrix"))
        {
            var key = path.Segments[1];
            if (keys.Contains(key))
            {
                continue;
            }

            var at = use.At(path.Offsets[1]);
            var defined = job.HasMatrix ? "the matrix defines " + (keys.Count == 0 ? "no keys" : KeyList.Quote(keys.Order(StringComparer.Ordinal))) : $"job \"{job.Id.Value}\" has no matrix";
            context.Report(at, $"matrix.{key} is not defined: {defined}", at.Column + key.Length);
        }
    }
}
