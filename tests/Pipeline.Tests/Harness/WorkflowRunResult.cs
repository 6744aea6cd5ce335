namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>A whole run: each job in the order it ran, and the workflow's outputs when it was called.</summary>
public sealed record WorkflowRunResult(string Workflow, IReadOnlyList<JobRun> Jobs, IReadOnlyDictionary<string, string> Outputs)
{
    public bool Succeeded => Jobs.All(j => j.Result is "success" or "skipped");

    public JobRun Job(string id) => Jobs.Single(j => j.Id == id);

    /// <summary>Every job's summary, called workflows' included, in run order.</summary>
    public string Summary => string.Join('\n', Jobs.Select(j => j.Summary + (j.Called?.Summary ?? string.Empty)));

    public override string ToString() => $"workflow {Workflow}\n" + string.Join('\n', Jobs.Select(j => j.ToString()));
}
