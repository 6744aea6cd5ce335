using System.Globalization;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>workflow_dispatch</c> inputs: known types, <c>choice</c> with options, defaults that fit their type.</summary>
public sealed class DispatchInputsRule : Rule
{
    private static readonly string[] _types = ["boolean", "choice", "environment", "number", "string"];

    public override string Id => "dispatch-inputs";

    public override string Description => "workflow_dispatch inputs have a known type; choice inputs list options and their default is one of them; defaults fit the type.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        var inputs = workflow.FindTrigger("workflow_dispatch")?.Filters?.Get("inputs");
        if (inputs is null or ScalarNode { IsNull: true })
        {
            return;
        }

        if (inputs is not MappingNode mapping)
        {
            context.Report(inputs, "workflow_dispatch \"inputs\" must be a mapping of input names to definitions");
            return;
        }

        // GitHub accepts at most 25 inputs for workflow_dispatch (10 until December 2025).
        const int MaxInputs = 25;
        if (mapping.Entries.Count > MaxInputs)
        {
            context.Report(workflow.FindTrigger("workflow_dispatch")!.Name, $"workflow_dispatch has {mapping.Entries.Count} inputs, but GitHub accepts at most {MaxInputs}");
        }

        foreach (var (name, body) in mapping.Entries)
        {
            if (body is not MappingNode input)
            {
                if (body is not ScalarNode { IsNull: true })
                {
                    context.Report(body, $"input \"{name.Value}\" must be a mapping (description, type, default...)");
                }

                continue;
            }

            Check(name, input, context);
        }
    }

    private static void Check(ScalarNode name, MappingNode input, RuleContext context)
    {
        RequiredFlag.Check(input, $"input \"{name.Value}\"", context);
        var typeNode = input.GetScalar("type");
        var type = typeNode?.Value ?? "string";
        if (typeNode is not null && !_types.Contains(type, StringComparer.Ordinal))
        {
            context.Report(typeNode, $"input \"{name.Value}\" has unknown type \"{type}\"; expected one of {KeyList.Quote(_types)}");
            return;
        }

        var options = input.Get("options");
        var defaultNode = input.GetScalar("default");
        if (type == "choice")
        {
            if (options is not SequenceNode { Items.Count: > 0 } list)
            {
                context.Report(name, $"choice input \"{name.Value}\" needs \"options\": a non-empty list of the values to choose from");
                return;
            }

            var values = list.Items.OfType<ScalarNode>().Select(s => s.Value).ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var option in list.Items.OfType<ScalarNode>().Where(o => !seen.Add(o.Value)))
            {
                context.Report(option, $"option \"{option.Value}\" of choice input \"{name.Value}\" is listed more than once");
            }

            if (defaultNode is { IsNull: false } && !values.Contains(defaultNode.Value, StringComparer.Ordinal))
            {
                context.Report(defaultNode, $"default \"{defaultNode.Value}\" of choice input \"{name.Value}\" is not one of its options {KeyList.Quote(values)}");
            }

            return;
        }

        if (options is not null)
        {
            context.Report(name, $"\"options\" can only be set for inputs of type \"choice\", but input \"{name.Value}\" is \"{type}\"");
        }

        if (defaultNode is not { IsNull: false } || defaultNode.ContainsExpression)
        {
            return;
        }

        // GitHub reads the default as text: "true" quoted is as good as true.
        if (type == "boolean" && defaultNode.Value.ToLowerInvariant() is not ("true" or "false"))
        {
            context.Report(defaultNode, $"default \"{defaultNode.Value}\" of boolean input \"{name.Value}\" must be true or false");
        }
        else if (type == "number" && !double.TryParse(defaultNode.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            context.Report(defaultNode, $"default \"{defaultNode.Value}\" of number input \"{name.Value}\" is not a number");
        }
    }
}
