using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.Pipeline.Tests;

/// <summary>
/// Walks a workflow and holds every <c>uses: ./actions/*</c> step to its action.yml: only declared inputs, every
/// required input (required and without a default), and only declared outputs read through
/// <c>steps.&lt;id&gt;.outputs.&lt;name&gt;</c> anywhere in the same job. Independent of the linter's local-action rule,
/// on purpose: the pipeline's own test should not trust the tool it tests.
/// </summary>
public sealed class LocalActionContract
{
    private readonly string _repositoryRoot;
    private readonly Dictionary<string, ActionMetadata> _actions = new(StringComparer.Ordinal);

    public LocalActionContract(string repositoryRoot)
    {
        _repositoryRoot = repositoryRoot;
    }

    /// <summary>How many local-action steps the last <see cref="Check"/> looked at (so a test cannot pass vacuously).</summary>
    public int StepsChecked { get; private set; }

    /// <summary>How many output reads of local-action steps the last <see cref="Check"/> looked at.</summary>
    public int OutputReadsChecked { get; private set; }

    public IReadOnlyList<string> Check(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        StepsChecked = 0;
        OutputReadsChecked = 0;
        var problems = new List<string>();
        foreach (var job in workflow.Jobs)
        {
            foreach (var step in job.Steps.Where(s => s.Uses?.Value.StartsWith("./actions/", StringComparison.Ordinal) == true))
            {
                StepsChecked++;
                CheckInputs(job, step, problems);
            }
        }

        foreach (var use in ExpressionSites.Of(workflow).Where(u => u.Job is not null && u.Tree is not null))
        {
            foreach (var path in PropertyPath.AllIn(use.Tree))
            {
                CheckOutputRead(use.Job!, path, use.Node.Start, problems);
            }
        }

        return problems;
    }

    private void CheckInputs(Job job, Step step, List<string> problems)
    {
        var where = $"job {job.Id.Value}, step {step.Label} ({step.Uses!.Value})";
        var action = Load(step.Uses.Value);
        if (action is null)
        {
            problems.Add($"{where}: no action.yml at {step.Uses.Value}");
            return;
        }

        var given = (step.With?.Entries ?? []).Select(e => e.Key.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in given.Where(n => !action.Inputs.ContainsKey(n)))
        {
            problems.Add($"{where}: passes input \"{name}\", which its action.yml does not declare");
        }

        foreach (var (name, input) in action.Inputs.Where(i => i.Value.Required && !i.Value.HasDefault))
        {
            if (!given.Contains(name))
            {
                problems.Add($"{where}: does not pass the required input \"{name}\"");
            }
        }
    }

    private void CheckOutputRead(Job job, PropertyPath path, Position at, List<string> problems)
    {
        if (path.Root != "steps" || path.At(2) != "outputs" || path.At(1) is not { } stepId || path.At(3) is not { } output)
        {
            return;
        }

        var step = job.Steps.FirstOrDefault(s => string.Equals(s.Id?.Value, stepId, StringComparison.OrdinalIgnoreCase));
        if (step?.Uses?.Value is not { } uses || !uses.StartsWith("./actions/", StringComparison.Ordinal))
        {
            return;
        }

        OutputReadsChecked++;
        var action = Load(uses);
        if (action is not null && !action.Outputs.Contains(output))
        {
            problems.Add($"job {job.Id.Value}, line {at.Line}: reads steps.{stepId}.outputs.{output}, which {uses} does not declare");
        }
    }

    private ActionMetadata? Load(string uses)
    {
        if (_actions.TryGetValue(uses, out var cached))
        {
            return cached;
        }

        var folder = Path.GetFullPath(Path.Combine(_repositoryRoot, uses));
        var file = Path.Combine(folder, "action.yml");
        if (!folder.StartsWith(_repositoryRoot, StringComparison.Ordinal) || !File.Exists(file))
        {
            return null;
        }

        var text = File.ReadAllText(file);
        var action = new ActionMetadata(new SourceFile(uses + "/action.yml", file, text), (MappingNode)YamlLoader.Load(text).Root!);
        _actions[uses] = action;
        return action;
    }
}
