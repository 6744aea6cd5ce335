using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Job and step ids start with a letter or '_' and contain only letters, digits, '-' and '_'.</summary>
public sealed partial class IdFormatRule : Rule
{
    public override string Id => "id-format";

    public override string Description => "Job ids and step ids start with a letter or '_' and contain only alphanumerics, '-' or '_'.";

    public override void VisitJob(Job job, RuleContext context)
    {
        Check(job.Id, "job", context);
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        if (step.Id is { IsNull: false, ContainsExpression: false } id)
        {
            Check(id, "step", context);
        }
    }

    private static void Check(ScalarNode id, string what, RuleContext context)
    {
        if (!Valid().IsMatch(id.Value))
        {
            context.Report(id, $"invalid {what} id \"{id.Value}\": an id must start with a letter or '_' and contain only alphanumerics, '-' or '_'");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex Valid();
}
