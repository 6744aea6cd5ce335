using System.Globalization;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>workflow_call</c>: inputs with a type (boolean, number, string) and a fitting default; outputs with a value; secrets as a mapping.</summary>
public sealed class WorkflowCallRule : Rule
{
    private static readonly string[] _types = ["boolean", "number", "string"];

    public override string Id => "workflow-call";

    public override string Description => "workflow_call inputs declare a type (boolean, number or string) and a fitting default; outputs have a value; secrets are a mapping.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        if (workflow.FindTrigger("workflow_call")?.Filters is not { } call)
        {
            return;
        }

        foreach (var (name, body) in Entries(call, "inputs", context))
        {
            if (body is not MappingNode input)
            {
                context.Report(body ?? name, $"workflow_call input \"{name.Value}\" must be a mapping with at least \"type\"");
                continue;
            }

            RequiredFlag.Check(input, $"workflow_call input \"{name.Value}\"", context);
            var type = input.GetScalar("type");
            if (type is null)
            {
                context.Report(name, $"workflow_call input \"{name.Value}\" needs \"type\": one of {KeyList.Quote(_types)}");
                continue;
            }

            if (!_types.Contains(type.Value, StringComparer.Ordinal))
            {
                context.Report(type, $"workflow_call input \"{name.Value}\" has unknown type \"{type.Value}\"; expected one of {KeyList.Quote(_types)}");
                continue;
            }

            if (input.GetScalar("required")?.Value is "true" && input.Get("default") is { } unused)
            {
                context.Report(unused, $"workflow_call input \"{name.Value}\" is required and also has a default, which is never used; drop one of them");
            }

            if (input.GetScalar("default") is { IsNull: false, ContainsExpression: false } value)
            {
                var fits = type.Value switch
                {
                    "boolean" => value.Value.ToLowerInvariant() is "true" or "false", // quoted or not, as GitHub reads it
                    "number" => double.TryParse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                    _ => true,
                };
                if (!fits)
                {
                    context.Report(value, $"default \"{value.Value}\" of {type.Value} input \"{name.Value}\" is not a {type.Value}");
                }
            }
        }

        foreach (var (name, body) in Entries(call, "outputs", context))
        {
            if (body is not MappingNode output || output.Get("value") is null)
            {
                context.Report(name, $"workflow_call output \"{name.Value}\" needs \"value\" (usually ${{{{ jobs.<job_id>.outputs.<name> }}}})");
            }
        }

        foreach (var (name, body) in Entries(call, "secrets", context))
        {
            if (body is MappingNode secret)
            {
                RequiredFlag.Check(secret, $"workflow_call secret \"{name.Value}\"", context);
            }
            else if (body is not null and not ScalarNode { IsNull: true })
            {
                context.Report(body, $"workflow_call secret \"{name.Value}\" must be empty or a mapping with description and required");
            }
        }
    }

    private static IEnumerable<(ScalarNode Name, Node? Body)> Entries(MappingNode call, string key, RuleContext context)
    {
        var node = call.Get(key);
        if (node is null or ScalarNode { IsNull: true })
        {
            return [];
        }

        if (node is not MappingNode mapping)
        {
            context.Report(node, $"workflow_call \"{key}\" must be a mapping");
            return [];
        }

        return mapping.Entries.Select(e => (e.Key, (Node?)(e.Value is ScalarNode { IsNull: true } ? null : e.Value)));
    }
}
