using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Sections and values GitHub refuses when they are empty: an empty <c>jobs</c>, <c>steps: []</c>,
/// <c>needs: []</c>, <c>strategy:</c> with nothing under it, <c>runs-on: ""</c>, a step that is <c>-</c> alone,
/// an empty <c>with</c>, <c>outputs</c>, <c>defaults</c>, <c>concurrency</c> or matrix row. Names, descriptions,
/// defaults and the values of <c>env</c>, <c>with</c> and <c>outputs</c> may be empty strings.
/// </summary>
public sealed class EmptyValueRule : Rule
{
    public override string Id => "empty-value";

    public override string Description => "Sections and values GitHub requires to be non-empty are not empty (jobs, steps, needs, strategy, with, outputs, matrix rows, runs-on, run, uses, ids, conditions...).";

    // The keys of a workflow, a job and a step whose values GitHub refuses empty, and how each is checked.
    private static readonly Dictionary<string, Action<Node, RuleContext>> _workflowKeys = new(StringComparer.Ordinal)
    {
        ["run-name"] = String,
        ["on"] = Events,
        ["env"] = Env,
        ["defaults"] = Defaults,
        ["concurrency"] = Concurrency,
        ["permissions"] = Permissions,
        ["jobs"] = Jobs,
    };

    private static readonly Dictionary<string, Action<Node, RuleContext>> _jobKeys = new(StringComparer.Ordinal)
    {
        ["needs"] = (value, context) => StringOrSequence(value, "needs", context),
        ["runs-on"] = RunsOn,
        ["if"] = String,
        ["uses"] = String,
        ["permissions"] = Permissions,
        ["environment"] = Environment,
        ["snapshot"] = Snapshot,
        ["concurrency"] = Concurrency,
        ["outputs"] = JobOutputs,
        ["env"] = Env,
        ["defaults"] = Defaults,
        ["steps"] = Steps,
        ["strategy"] = Strategy,
        ["container"] = (value, context) => Container(value, "container", context),
        ["services"] = Services,
        ["with"] = (value, context) => Mapping(value, "\"with\" section", context),
        ["secrets"] = Secrets,
    };

    private static readonly Dictionary<string, Action<Node, RuleContext>> _stepKeys = new(StringComparer.Ordinal)
    {
        ["id"] = String,
        ["if"] = String,
        ["uses"] = String,
        ["run"] = String,
        ["shell"] = String,
        ["working-directory"] = String,
        ["env"] = Env,
        ["with"] = StepWith,
    };

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        CheckKeys(workflow.Root, _workflowKeys, context);
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        CheckKeys(job.Body, _jobKeys, context);
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        CheckKeys(step.Body, _stepKeys, context);
    }

    private static void CheckKeys(MappingNode body, Dictionary<string, Action<Node, RuleContext>> checks, RuleContext context)
    {
        foreach (var (key, value) in body.Entries)
        {
            if (checks.TryGetValue(key.Value, out var check))
            {
                check(value, context);
            }
        }
    }

    private static void Jobs(Node value, RuleContext context)
    {
        Mapping(value, "\"jobs\" section", context);
        foreach (var (_, job) in (value as MappingNode)?.Entries ?? [])
        {
            if (IsEmpty(job))
            {
                context.Report(job, "a job should not be empty");
            }
        }
    }

    private static void Snapshot(Node value, RuleContext context)
    {
        String((value as MappingNode)?.Get("image-name") ?? value, context);
        if ((value as MappingNode)?.Get("version") is { } version)
        {
            String(version, context);
        }
    }

    private static void JobOutputs(Node value, RuleContext context)
    {
        Mapping(value, "\"outputs\" section", context);
        foreach (var (name, _) in (value as MappingNode)?.Entries ?? [])
        {
            if (name.Value.Length == 0)
            {
                context.Report(name, "an output name should not be an empty string");
            }
        }
    }

    private static void Steps(Node value, RuleContext context)
    {
        Sequence(value, "steps", context);
        foreach (var step in (value as SequenceNode)?.Items ?? [])
        {
            if (IsEmpty(step))
            {
                context.Report(step, "element of \"steps\" section should not be empty");
            }
        }
    }

    private static void Services(Node value, RuleContext context)
    {
        if (value is not ScalarNode { IsNull: false })
        {
            Mapping(value, "\"services\" section", context);
        }

        foreach (var (_, service) in (value as MappingNode)?.Entries ?? [])
        {
            Container(service, "services", context);
        }
    }

    private static void Secrets(Node value, RuleContext context)
    {
        // "secrets: inherit" is a word, not a section.
        if (value is not ScalarNode { IsNull: false })
        {
            Mapping(value, "\"secrets\" section", context);
        }
    }

    private static void StepWith(Node value, RuleContext context)
    {
        Mapping(value, "\"with\" section", context);
        if (value is MappingNode with && with.Get("entrypoint") is { } entrypoint)
        {
            String(entrypoint, context);
        }
    }

    /// <summary><c>env</c> may be one expression string; as a mapping it must not be empty, its values may.</summary>
    private static void Env(Node value, RuleContext context) => Mapping(value, "env", context, scalarAllowed: true);

    private static void Events(Node on, RuleContext context)
    {
        switch (on)
        {
            case ScalarNode scalar:
                String(scalar, context);
                return;
            case SequenceNode { Items.Count: 0 } sequence:
                context.Report(sequence, "\"on\" section should not be empty");
                return;
            case SequenceNode sequence:
                StringItems(sequence, context);
                return;
            case MappingNode mapping:
                Mapping(mapping, "\"on\" section", context);
                foreach (var (name, body) in mapping.Entries)
                {
                    Event(name.Value, body, context);
                }

                return;
        }
    }

    private static void Event(string name, Node body, RuleContext context)
    {
        if (name == "schedule")
        {
            Sequence(body, "schedule", context);
            foreach (var item in (body as SequenceNode)?.Items ?? [])
            {
                if (item is MappingNode entry && entry.Get("cron") is { } cron)
                {
                    String(cron, context);
                }
                else
                {
                    context.Report(item, "element of \"schedule\" section must be a mapping with the key \"cron\"");
                }
            }

            return;
        }

        if (body is not MappingNode filters)
        {
            return;
        }

        foreach (var (key, value) in filters.Entries)
        {
            switch (key.Value)
            {
                case "types" or "branches" or "branches-ignore" or "tags" or "tags-ignore" or "paths" or "paths-ignore" or "workflows" or "names" or "versions":
                    StringOrSequence(value, key.Value, context);
                    break;
                case "inputs" when name == "workflow_dispatch":
                    foreach (var (_, input) in (value as MappingNode)?.Entries ?? [])
                    {
                        if (input is not MappingNode settings)
                        {
                            continue;
                        }

                        if (settings.Get("type") is { } type)
                        {
                            String(type, context);
                        }

                        if (settings.Get("options") is { } options)
                        {
                            Sequence(options, "options", context);
                            StringItems(options, context);
                        }
                    }

                    break;
                case "outputs" when name == "workflow_call":
                    foreach (var (_, output) in (value as MappingNode)?.Entries ?? [])
                    {
                        if ((output as MappingNode)?.Get("value") is { } outputValue)
                        {
                            String(outputValue, context);
                        }
                    }

                    break;
            }
        }
    }

    private static void Permissions(Node value, RuleContext context)
    {
        if (CheckedAsString(value, context))
        {
            return;
        }

        StringValues(value, context);
    }

    private static void Defaults(Node value, RuleContext context)
    {
        Mapping(value, "\"defaults\" section", context);
        if ((value as MappingNode)?.Get("run") is not { } run)
        {
            return;
        }

        Mapping(run, "\"run\" section", context);
        StringValues(run, context);
    }

    private static void Concurrency(Node value, RuleContext context)
    {
        if (CheckedAsString(value, context))
        {
            return;
        }

        Mapping(value, "\"concurrency\" section", context);
        if ((value as MappingNode)?.Get("group") is { } group)
        {
            String(group, context);
        }
    }

    private static void Environment(Node value, RuleContext context)
    {
        if (CheckedAsString(value, context))
        {
            return;
        }

        Mapping(value, "\"environment\" section", context);
        foreach (var (key, setting) in (value as MappingNode)?.Entries ?? [])
        {
            if (key.Value is "name" or "url")
            {
                String(setting, context);
            }
        }
    }

    private static void RunsOn(Node value, RuleContext context)
    {
        switch (value)
        {
            case ScalarNode or SequenceNode:
                StringOrSequence(value, "runs-on", context);
                return;
            case MappingNode mapping:
                Mapping(mapping, "\"runs-on\" section", context);
                foreach (var (key, setting) in mapping.Entries)
                {
                    if (key.Value == "labels" && setting is not ScalarNode { ContainsExpression: true })
                    {
                        StringOrSequence(setting, "labels", context);
                    }
                    else if (key.Value == "group")
                    {
                        String(setting, context);
                    }
                }

                return;
        }
    }

    private static void Strategy(Node value, RuleContext context)
    {
        Mapping(value, "\"strategy\" section", context);
        if ((value as MappingNode)?.Get("matrix") is not MappingNode matrix)
        {
            return;
        }

        Mapping(matrix, "\"matrix\" section", context);
        foreach (var (key, row) in matrix.Entries)
        {
            if (row is ScalarNode)
            {
                continue;
            }

            if (key.Value is "include" or "exclude")
            {
                Sequence(row, key.Value, context);
                foreach (var combination in (row as SequenceNode)?.Items ?? [])
                {
                    if (combination is MappingNode { Entries.Count: 0 })
                    {
                        context.Report(combination, $"element in \"{key.Value}\" section should not be empty");
                    }
                }
            }
            else
            {
                Sequence(row, "matrix values", context);
            }
        }
    }

    private static void Container(Node value, string section, RuleContext context)
    {
        if (CheckedAsString(value, context))
        {
            return;
        }

        Mapping(value, $"\"{section}\" section", context);
        foreach (var (key, setting) in (value as MappingNode)?.Entries ?? [])
        {
            switch (key.Value)
            {
                case "image":
                    String(setting, context);
                    break;
                case "credentials":
                    Mapping(setting, "\"credentials\" section", context);
                    StringValues(setting, context);
                    break;
                case "env":
                    Env(setting, context);
                    break;
                case "ports" or "volumes":
                    StringItems(setting, context);
                    break;
            }
        }
    }

    /// <summary>A mapping section: an empty mapping, or nothing at all, is reported (a scalar is another rule's business).</summary>
    private static void Mapping(Node value, string what, RuleContext context, bool scalarAllowed = false)
    {
        if (value is MappingNode { Entries.Count: 0 } || (!scalarAllowed && value is ScalarNode { IsNull: true }))
        {
            context.Report(value, $"{what} should not be empty; remove it if it is not needed");
        }
    }

    private static void Sequence(Node value, string what, RuleContext context)
    {
        if (value is SequenceNode { Items.Count: 0 })
        {
            context.Report(value, $"\"{what}\" section should not be empty");
        }
    }

    /// <summary>A filter, label list or needs: one string or a non-empty list of non-empty strings.</summary>
    private static void StringOrSequence(Node value, string what, RuleContext context)
    {
        if (CheckedAsString(value, context))
        {
            return;
        }

        Sequence(value, what, context);
        StringItems(value, context);
    }

    /// <summary>Where a section may also be written as one string: checks that string and returns true.</summary>
    private static bool CheckedAsString(Node value, RuleContext context)
    {
        if (value is not ScalarNode scalar)
        {
            return false;
        }

        String(scalar, context);
        return true;
    }

    private static void StringValues(Node mapping, RuleContext context)
    {
        foreach (var (_, value) in (mapping as MappingNode)?.Entries ?? [])
        {
            String(value, context);
        }
    }

    private static void StringItems(Node sequence, RuleContext context)
    {
        foreach (var item in (sequence as SequenceNode)?.Items ?? [])
        {
            String(item, context);
        }
    }

    /// <summary>A job or step written as <c>-</c> or <c>name:</c> alone, or as <c>{}</c>.</summary>
    private static bool IsEmpty(Node value) => value is ScalarNode { IsNull: true } or MappingNode { Entries.Count: 0 };

    private static void String(Node value, RuleContext context)
    {
        if (value is ScalarNode { Value.Length: 0 } empty)
        {
            context.Report(empty, "this value should not be an empty string");
        }
    }
}
