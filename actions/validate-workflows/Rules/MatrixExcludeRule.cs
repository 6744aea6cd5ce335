using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// <c>strategy.matrix.exclude</c> entries name keys of the matrix itself (GitHub rejects an exclude key the
/// matrix does not define; keys added by <c>include</c> do not count, since include applies after exclude).
/// </summary>
public sealed class MatrixExcludeRule : Rule
{
    public override string Id => "matrix-exclude";

    public override string Description => "matrix exclude entries only use keys the matrix defines (not keys that only include adds).";

    public override void VisitJob(Job job, RuleContext context)
    {
        if (job.Body.GetMapping("strategy")?.GetMapping("matrix") is not { } matrix || matrix.GetSequence("exclude") is not { } excludes)
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, _) in matrix.Entries)
        {
            if (key.ContainsExpression)
            {
                return;
            }

            if (key.Value is not ("include" or "exclude"))
            {
                keys.Add(key.Value);
            }
        }

        if (keys.Count == 0 && excludes.Items.OfType<MappingNode>().Any(e => e.Entries.Count > 0))
        {
            // Only include entries: there are no combinations for exclude to remove.
            var at = job.Body.GetMapping("strategy")!.KeyOf("matrix")!;
            context.Report(at, "\"exclude\" section exists but no matrix variation exists: the matrix defines no keys of its own, so exclude removes nothing");
            return;
        }

        foreach (var exclude in excludes.Items.OfType<MappingNode>())
        {
            foreach (var (key, _) in exclude.Entries.Where(e => !e.Key.ContainsExpression && !keys.Contains(e.Key.Value)))
            {
                var defined = keys.Count == 0 ? "the matrix defines no keys of its own" : "the matrix defines " + KeyList.Quote(keys.Order(StringComparer.Ordinal));
                context.Report(key, $"exclude names \"{key.Value}\", which is not a key of the matrix; {defined}");
            }
        }
    }
}
