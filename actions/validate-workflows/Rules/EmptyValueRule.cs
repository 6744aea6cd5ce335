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

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(context);
        var root = workflow.Root;
        foreach (var (key, value) in root.Entries)
        {
            switch (key.Value)
            {
                case "run-name":
                    String(value, context);
                    break;
                case "on":
                    Events(value, context);
                    break;
                case "env":
                    Mapping(value, "env", context, scalarAllowed: true);
                    break;
                case "defaults":
                    Defaults(value, context);
                    break;
                case "concurrency":
                    Concurrency(value, context);
                    break;
                case "permissions":
                    Permissions(value, context);
                    break;
                case "jobs":
                    Mapping(value, "\"jobs\" section", context);
                    foreach (var (_, job) in (value as MappingNode)?.Entries ?? [])
                    {
                        if (IsEmpty(job))
                        {
                            context.Report(job, "a job should not be empty");
                        }
                    }

                    break;
            }
        }
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (key, value) in job.Body.Entries)
        {
            switch (key.Value)
            {
                case "needs":
                    StringOrSequence(value, "needs", context);
                    break;
                case "runs-on":
                    RunsOn(value, context);
                    break;
                case "if" or "uses":
                    String(value, context);
                    break;
                case "permissions":
                    Permissions(value, context);
                    break;
                case "environment":
                    Environment(value, context);
                    break;
                case "snapshot":
                    String((value as MappingNode)?.Get("image-name") ?? value, context);
                    if ((value as MappingNode)?.Get("version") is { } version)
                    {
                        String(version, context);
                    }

                    break;
                case "concurrency":
                    Concurrency(value, context);
                    break;
                case "outputs":
                    Mapping(value, "\"outputs\" section", context);
                    foreach (var (name, _) in (value as MappingNode)?.Entries ?? [])
                    {
                        if (name.Value.Length == 0)
                        {
                            context.Report(name, "an output name should not be an empty string");
                        }
                    }

                    break;
                case "env":
                    Mapping(value, "env", context, scalarAllowed: true);
                    break;
                case "defaults":
                    Defaults(value, context);
                    break;
                case "steps":
                    Sequence(value, "steps", context);
                    foreach (var step in (value as SequenceNode)?.Items ?? [])
                    {
                        if (IsEmpty(step))
                        {
                            context.Report(step, "element of \"steps\" section should not be empty");
                        }
                    }

                    break;
                case "strategy":
                    Strategy(value, context);
                    break;
                case "container":
                    Container(value, "container", context);
                    break;
                case "services":
                    if (value is not ScalarNode { IsNull: false })
                    {
                        Mapping(value, "\"services\" section", context);
                    }

                    foreach (var (_, service) in (value as MappingNode)?.Entries ?? [])
                    {
                        Container(service, "services", context);
                    }

                    break;
                case "with":
                    Mapping(value, "\"with\" section", context);
                    break;
                case "secrets" when value is not ScalarNode { IsNull: false }:
                    Mapping(value, "\"secrets\" section", context);
                    break;
            }
        }
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (key, value) in step.Body.Entries)
        {
            switch (key.Value)
            {
                case "id" or "if" or "uses" or "run" or "shell" or "working-directory":
                    String(value, context);
                    break;
                case "env":
                    Mapping(value, "env", context, scalarAllowed: true);
                    break;
                case "with":
                    Mapping(value, "\"with\" section", context);
                    if (value is MappingNode with && with.Get("entrypoint") is { } entrypoint)
                    {
                        String(entrypoint, context);
                    }

                    break;
            }
        }
    }

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
                    Mapping(setting, "env", context, scalarAllowed: true);
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
