using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>needs</c> names existing jobs, once each, and the jobs do not depend on each other in a cycle.</summary>
public sealed class JobNeedsRule : Rule
{
    public override string Id => "job-needs";

    public override string Description => "needs lists existing jobs without repeats, and the job graph has no cycle (reported once, on the cycle's first job in the file).";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var complete = true;
        foreach (var job in workflow.Jobs)
        {
            var targets = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var need in job.Needs.Where(n => !n.ContainsExpression))
            {
                if (!seen.Add(need.Value))
                {
                    context.Report(need, $"job \"{job.Id.Value}\" lists \"{need.Value}\" in needs more than once");
                }
                else if (workflow.FindJob(need.Value) is null)
                {
                    var others = workflow.Jobs.Select(j => j.Id.Value).Where(id => !id.Equals(job.Id.Value, StringComparison.OrdinalIgnoreCase)).ToList();
                    var candidates = others.Count == 0 ? "it is the only job in this workflow" : $"other jobs in this workflow: {KeyList.Quote(others)}";
                    context.Report(job.Id, $"job \"{job.Id.Value}\" needs \"{need.Value}\" (line {need.Start.Line}), which does not exist; {candidates}");
                    complete = false;
                }
                else
                {
                    targets.Add(workflow.FindJob(need.Value)!.Id.Value);
                }
            }

            edges.TryAdd(job.Id.Value, targets);
        }

        // With a job missing the graph is not the one GitHub would run; the missing job is the mistake to fix first.
        if (complete)
        {
            ReportCycles(workflow, edges, context);
        }
    }

    private static void ReportCycles(Workflow workflow, Dictionary<string, List<string>> edges, RuleContext context)
    {
        var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var path = new List<string>();
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Visit(string job)
        {
            state[job] = 1;
            path.Add(job);
            foreach (var next in edges.GetValueOrDefault(job) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var start = path.FindIndex(p => p.Equals(next, StringComparison.OrdinalIgnoreCase));
                    var cycle = path.Skip(start).Append(next).ToList();
                    var key = string.Join(",", cycle.Skip(1).Order(StringComparer.OrdinalIgnoreCase));
                    if (reported.Add(key))
                    {
                        // Reported once, on the id of the cycle's first job in the file, the cycle read from there.
                        var members = cycle.Skip(1).Select(m => workflow.FindJob(m)!.Id).ToList();
                        var first = members.MinBy(m => (m.Start.Line, m.Start.Column))!;
                        var from = members.IndexOf(first);
                        var ordered = members.Skip(from).Concat(members.Take(from)).Append(first);
                        var shown = string.Join(" -> ", ordered.Select(c => $"\"{c.Value}\""));
                        context.Report(first, $"jobs depend on each other in a cycle {shown}, so none of them ever starts");
                    }
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[job] = 2;
        }

        foreach (var job in edges.Keys.ToList())
        {
            if (state.GetValueOrDefault(job) == 0)
            {
                Visit(job);
            }
        }
    }
}
