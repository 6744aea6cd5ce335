using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Jobs calling a local reusable workflow (<c>uses: ./.github/workflows/x.yml</c>): it exists and has
/// workflow_call; inputs and secrets it requires are given, unknown ones are not, and each input value has the
/// declared type; <c>needs.&lt;job&gt;.outputs.*</c> names outputs it declares.
/// </summary>
public sealed partial class ReusableWorkflowRule : Rule
{
    public override string Id => "reusable-workflow";

    public override string Description => "Calls to local reusable workflows give the required inputs and secrets, no unknown ones, inputs of the declared type, and read only declared outputs.";

    public override void VisitJob(Job job, RuleContext context)
    {
        if (job.Uses is not { ContainsExpression: false } uses)
        {
            return;
        }

        if (!LocalReference.Is(uses.Value) || uses.Value.Contains('@', StringComparison.Ordinal))
        {
            // GitHub's format: owner/repo/path/to/workflow.yml@ref, or ./path/to/workflow.yml (no ref) in this repository.
            if (!RemoteReference().IsMatch(uses.Value))
            {
                context.Report(uses, $"\"{uses.Value}\" is not a reusable workflow reference; expected ./<path>/<file>.yml, $/<path>/<file>.yml (no @ref: this repository at the running commit) or <owner>/<repo>/<path>/<file>.yml@<ref>");
            }

            return;
        }

        var loaded = context.Repository.Workflow(uses.Value);
        if (loaded.Value is not { } called)
        {
            context.Report(uses, $"reusable workflow \"{uses.Value}\" cannot be used: {loaded.Error}");
            return;
        }

        if (called.FindTrigger("workflow_call")?.Filters is not { } call)
        {
            if (called.FindTrigger("workflow_call") is null)
            {
                context.Report(uses, $"\"{uses.Value}\" is not a reusable workflow: it has no workflow_call trigger");
            }

            CheckGiven(job.Body.GetMapping("with"), new MappingNode([], uses.Start, uses.End), uses, "input", context);
            return;
        }

        CheckGiven(job.Body.GetMapping("with"), call.GetMapping("inputs"), uses, "input", context);
        foreach (var (name, value) in job.Body.GetMapping("with")?.Entries ?? [])
        {
            // A literal written plain is read by its YAML type (true, 3, null); quoted or templated it is a string.
            if (value is ScalarNode { IsSingleExpression: false } scalar && InputType(call, name.Value) is { } expected)
            {
                var given = scalar.ContainsExpression || scalar.Style != YamlDotNet.Core.ScalarStyle.Plain ? ExpressionType.String : ContextTypes.OfValue(scalar);
                CheckType(expected, given, name.Value, scalar, uses, context);
            }
        }

        if (job.Body.Get("secrets") is not ScalarNode { Value: "inherit" })
        {
            CheckGiven(job.Body.GetMapping("secrets"), call.GetMapping("secrets"), uses, "secret", context);
        }
    }

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        if (use.Job is not { } job)
        {
            return;
        }

        // with: input: ${{ ... }} — the expression's type must fit the input's.
        if (use.Location == ExpressionLocations.CallWith && use.Node.IsSingleExpression && use.Tree is { } tree && use.Key is { } input
            && job.Uses is { ContainsExpression: false } called && LocalReference.Is(called.Value)
            && job.Body.GetMapping("with")?.Get(input) == use.Node
            && context.Repository.Workflow(called.Value).Value?.FindTrigger("workflow_call")?.Filters is { } callee
            && InputType(callee, input) is { } expected)
        {
            CheckType(expected, TypeChecker.Check(tree, ContextTypes.For(use)).Type, input, use.Node, called, context);
        }

        foreach (var path in PropertyPath.MembersOf(use.Tree, "needs"))
        {
            if (path.At(2) != "outputs" || path.At(3) is not { } output || output == "*"
                || job.Workflow.FindJob(path.Segments[1]) is not { Uses: { ContainsExpression: false } uses } needed
                || !LocalReference.Is(uses.Value)
                || !job.Needs.Any(n => n.Value.Equals(needed.Id.Value, StringComparison.OrdinalIgnoreCase))
                || context.Repository.Workflow(uses.Value).Value?.FindTrigger("workflow_call")?.Filters is not { } call)
            {
                continue;
            }

            var outputs = call.GetMapping("outputs")?.Entries.Select(e => e.Key.Value).ToList() ?? [];
            if (!outputs.Contains(output, StringComparer.OrdinalIgnoreCase))
            {
                var at = use.At(path.Offsets[3]);
                var declared = outputs.Count == 0 ? "it declares no outputs" : "it declares " + KeyList.Quote(outputs);
                context.Report(at, $"job \"{needed.Id.Value}\" calls {uses.Value}, which has no output \"{output}\"; {declared}", at.Column + output.Length);
            }
        }
    }

    /// <summary>The type a workflow_call input declares (boolean, number or string), or null when it declares none.</summary>
    private static ExpressionType? InputType(MappingNode call, string input)
    {
        var declared = call.GetMapping("inputs")?.Entries.FirstOrDefault(e => e.Key.Value.Equals(input, StringComparison.OrdinalIgnoreCase)).Value as MappingNode;
        return declared?.GetScalar("type")?.Value switch
        {
            "boolean" => ExpressionType.Bool,
            "number" => ExpressionType.Number,
            "string" => ExpressionType.String,
            _ => null,
        };
    }

    /// <summary>A string input takes strings and numbers, a number input numbers, a boolean input anything (its truthiness).</summary>
    private static void CheckType(ExpressionType expected, ExpressionType given, string input, ScalarNode value, ScalarNode uses, RuleContext context)
    {
        if (!expected.Accepts(given))
        {
            context.Report(value, $"input \"{input}\" is typed as {expected} by reusable workflow \"{uses.Value}\"; a value of type {given} cannot be given to it");
        }
    }

    private static void CheckGiven(MappingNode? given, MappingNode? declared, ScalarNode uses, string what, RuleContext context)
    {
        var declaredEntries = declared?.Entries ?? [];
        var names = given?.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var missing = declaredEntries
            .Where(e => e.Value is MappingNode body && body.GetScalar("required")?.Value is "true" && !(what == "input" && body.Has("default")))
            .Select(e => e.Key.Value)
            .Where(n => !names.Contains(n))
            .ToList();
        if (missing.Count > 0)
        {
            context.Report(uses, $"reusable workflow \"{uses.Value}\" requires {what}(s) {KeyList.Quote(missing)}, which this job does not give");
        }

        foreach (var (key, _) in given?.Entries ?? [])
        {
            if (!declaredEntries.Any(e => e.Key.Value.Equals(key.Value, StringComparison.OrdinalIgnoreCase)))
            {
                var known = declaredEntries.Count == 0 ? $"it declares no {what}s" : "it declares " + KeyList.Quote(declaredEntries.Select(e => e.Key.Value));
                context.Report(key, $"reusable workflow \"{uses.Value}\" has no {what} \"{key.Value}\"; {known}");
            }
        }
    }

    [GeneratedRegex(@"^[^./$@\s][^/@\s]*/[^/@\s]+/[^@\s]+\.ya?ml@[^@\s]+$")]
    private static partial Regex RemoteReference();
}
