using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Each key holds the kind of value GitHub expects there (a mapping for <c>jobs</c>, a sequence for <c>steps</c>...).</summary>
public sealed class ValueTypeRule : Rule
{
    [Flags]
    private enum Kind
    {
        Scalar = 1,
        Sequence = 2,
        Mapping = 4,
    }

    public override string Id => "value-type";

    public override string Description => "Values have the shape GitHub expects: mappings for jobs, env, with; a sequence of mappings for steps; strings for run, uses, if.";

    public override void VisitDocument(Node? root, RuleContext context)
    {
        if (root is not null and not MappingNode)
        {
            context.Report(root.Start, $"the top level must be a mapping, not a {root.KindName}");
        }
    }

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        var root = workflow.Root;
        Expect(root, "name", Kind.Scalar, context);
        Expect(root, "run-name", Kind.Scalar, context);
        Expect(root, "on", Kind.Scalar | Kind.Sequence | Kind.Mapping, context);
        Expect(root, "jobs", Kind.Mapping, context);
        Env(root.Get("env"), context);
        Expect(root, "defaults", Kind.Mapping, context);
        Expect(root, "permissions", Kind.Scalar | Kind.Mapping, context);
        Expect(root, "concurrency", Kind.Scalar | Kind.Mapping, context);
        foreach (var (id, body) in root.GetMapping("jobs")?.Entries ?? [])
        {
            if (body is not MappingNode)
            {
                context.Report(body, $"job \"{id.Value}\" must be a mapping, not a {body.KindName}");
            }
        }

        if (root.Get("on") is MappingNode on)
        {
            foreach (var (name, body) in on.Entries)
            {
                var expected = name.Value == "schedule" ? Kind.Sequence : Kind.Mapping;
                if (body is ScalarNode { IsNull: true })
                {
                    continue;
                }

                if (!Matches(body, expected))
                {
                    context.Report(body, $"\"{name.Value}\" must be {Describe(expected)} (or empty), not a {body.KindName}");
                }

                if (body is not MappingNode filters)
                {
                    continue;
                }

                foreach (var filter in new[] { "branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore", "types", "workflows" })
                {
                    Expect(filters, filter, Kind.Scalar | Kind.Sequence, context);
                }

                // image_version names and versions are lists only (a lone string is refused).
                foreach (var filter in new[] { "names", "versions" })
                {
                    Expect(filters, filter, Kind.Sequence, context);
                }

                foreach (var (_, input) in filters.GetMapping("inputs")?.Entries ?? [])
                {
                    foreach (var key in new[] { "description", "type", "default" })
                    {
                        Expect(input as MappingNode, key, Kind.Scalar, context);
                    }

                    Expect(input as MappingNode, "options", Kind.Sequence, context);
                }
            }
        }

        EnvValues(root.Get("env"), context);
        DefaultsRun(root.GetMapping("defaults"), context);
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        var body = job.Body;
        Expect(body, "name", Kind.Scalar, context);
        Expect(body, "if", Kind.Scalar, context);
        Expect(body, "needs", Kind.Scalar | Kind.Sequence, context);
        Expect(body, "runs-on", Kind.Scalar | Kind.Sequence | Kind.Mapping, context);
        Expect(body, "steps", Kind.Sequence, context);
        Env(body.Get("env"), context);
        Expect(body, "outputs", Kind.Mapping, context);
        Expect(body, "strategy", Kind.Mapping, context);
        Expect(body, "with", Kind.Mapping, context);
        Expect(body, "secrets", Kind.Mapping | Kind.Scalar, context);
        Expect(body, "services", Kind.Mapping, context);
        if (body.Get("services") is ScalarNode { IsNull: false, IsSingleExpression: false } services)
        {
            context.Report(services, "\"services\" must be a mapping of service containers (or one ${{ }} expression), not a string");
        }

        Expect(body, "container", Kind.Scalar | Kind.Mapping, context);
        Container(body.Get("container"), context);
        foreach (var (name, service) in body.GetMapping("services")?.Entries ?? [])
        {
            if (service is SequenceNode or ScalarNode { IsNull: false, ContainsExpression: false })
            {
                context.Report(service, $"service \"{name.Value}\" must be a mapping (image, ports, ...), not a {service.KindName}");
            }

            Container(service, context);
        }

        EnvValues(body.Get("env"), context);
        DefaultsRun(body.GetMapping("defaults"), context);
        if (body.Get("runs-on") is MappingNode group)
        {
            Expect(group, "group", Kind.Scalar, context);
            Expect(group, "labels", Kind.Scalar | Kind.Sequence, context);
        }

        foreach (var label in (body.Get("runs-on") as SequenceNode ?? (body.Get("runs-on") as MappingNode)?.GetSequence("labels"))?.Items ?? [])
        {
            if (label is not ScalarNode)
            {
                context.Report(label, $"a runner label must be a string, not a {label.KindName}");
            }
        }

        Matrix(body.GetMapping("strategy")?.Get("matrix"), context);
        Expect(body, "environment", Kind.Scalar | Kind.Mapping, context);
        Expect(body, "snapshot", Kind.Scalar | Kind.Mapping, context);
        Expect(body.GetMapping("snapshot"), "image-name", Kind.Scalar, context);
        Expect(body.GetMapping("snapshot"), "version", Kind.Scalar, context);
        Expect(body, "uses", Kind.Scalar, context);
        if (body.Get("secrets") is ScalarNode { IsNull: false, ContainsExpression: false } secrets && secrets.Value != "inherit")
        {
            context.Report(secrets, $"\"secrets\" must be a mapping or \"inherit\", not \"{secrets.Value}\"");
        }

        foreach (var item in body.GetSequence("steps")?.Items ?? [])
        {
            if (item is not MappingNode)
            {
                context.Report(item, $"a step must be a mapping, not a {item.KindName}");
            }
        }
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        foreach (var key in new[] { "id", "name", "if", "uses", "run", "shell", "working-directory" })
        {
            Expect(step.Body, key, Kind.Scalar, context);
        }

        Expect(step.Body, "with", Kind.Mapping, context);
        Env(step.Body.Get("env"), context);
        EnvValues(step.Body.Get("env"), context);
    }

    public override void VisitAction(ActionMetadata action, RuleContext context)
    {
        Expect(action.Root, "name", Kind.Scalar, context);
        Expect(action.Root, "description", Kind.Scalar, context);
        Expect(action.Root, "inputs", Kind.Mapping, context);
        Expect(action.Root, "outputs", Kind.Mapping, context);
        Expect(action.Root, "runs", Kind.Mapping, context);
        Expect(action.Root, "branding", Kind.Mapping, context);
        foreach (var section in new[] { "inputs", "outputs" })
        {
            foreach (var (name, body) in action.Root.GetMapping(section)?.Entries ?? [])
            {
                if (body is not MappingNode && body is not ScalarNode { IsNull: true })
                {
                    context.Report(body, $"{section[..^1]} \"{name.Value}\" must be a mapping (description, ...), not a {body.KindName}");
                }
            }
        }

        Expect(action.Runs, "steps", Kind.Sequence, context);
        Expect(action.Runs, "args", Kind.Sequence, context);
        Expect(action.Runs, "env", Kind.Mapping, context);
    }

    /// <summary><c>env</c> is a mapping, or one <c>${{ }}</c> that gives one (an empty <c>env:</c> is neither).</summary>
    private static void Env(Node? env, RuleContext context)
    {
        if (env is ScalarNode { IsSingleExpression: false } or SequenceNode)
        {
            context.Report(env, $"\"env\" must be a mapping of variable names to values (or one ${{{{ }}}} expression that gives one), not a {env.KindName}");
        }
    }

    /// <summary>Each variable of an <c>env</c> mapping is a string (a number or a boolean reads as one).</summary>
    private static void EnvValues(Node? env, RuleContext context)
    {
        foreach (var (name, value) in (env as MappingNode)?.Entries ?? [])
        {
            if (value is not ScalarNode && name.Value != "<<")
            {
                context.Report(value, $"environment variable \"{name.Value}\" must be a string, not a {value.KindName}");
            }
        }
    }

    private static void DefaultsRun(MappingNode? defaults, RuleContext context)
    {
        Expect(defaults, "run", Kind.Mapping, context);
        Expect(defaults?.GetMapping("run"), "shell", Kind.Scalar, context);
        Expect(defaults?.GetMapping("run"), "working-directory", Kind.Scalar, context);
    }

    private static void Container(Node? container, RuleContext context)
    {
        if (container is not MappingNode mapping)
        {
            return;
        }

        Env(mapping.Get("env"), context);
        EnvValues(mapping.Get("env"), context);
        Expect(mapping, "image", Kind.Scalar, context);
        Expect(mapping, "options", Kind.Scalar, context);
        Expect(mapping, "credentials", Kind.Mapping, context);
        Expect(mapping.GetMapping("credentials"), "username", Kind.Scalar, context);
        Expect(mapping.GetMapping("credentials"), "password", Kind.Scalar, context);
        foreach (var key in new[] { "ports", "volumes" })
        {
            if (mapping.Get(key) is ScalarNode { IsNull: false } scalar)
            {
                context.Report(scalar, $"\"{key}\" must be a sequence, not a {(scalar.IsPlain && double.TryParse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out _) ? "number" : "string")}; write [{scalar.Value}]");
            }
            else
            {
                Expect(mapping, key, Kind.Sequence, context);
            }
        }
    }

    /// <summary>
    /// A matrix is a mapping (or one expression); each row a sequence of values (or one expression); include and
    /// exclude sequences of mappings (or expressions).
    /// </summary>
    private static void Matrix(Node? matrix, RuleContext context)
    {
        if (matrix is ScalarNode scalar)
        {
            if (!scalar.IsSingleExpression)
            {
                context.Report(scalar, "\"matrix\" must be a mapping of rows (or one ${{ }} expression that gives one)");
            }

            return;
        }

        if (matrix is not MappingNode mapping)
        {
            if (matrix is SequenceNode sequence)
            {
                context.Report(sequence, "\"matrix\" must be a mapping of rows, not a sequence");
            }

            return;
        }

        foreach (var (key, row) in mapping.Entries)
        {
            var combinations = key.Value is "include" or "exclude";
            if (row is ScalarNode value)
            {
                if (!value.IsSingleExpression)
                {
                    var expected = combinations ? "a sequence of mappings" : "a sequence of values";
                    context.Report(value, $"matrix \"{key.Value}\" must be {expected} (or one ${{{{ }}}} expression), not a string");
                }

                continue;
            }

            if (row is MappingNode)
            {
                context.Report(row, $"matrix \"{key.Value}\" must be a sequence, not a mapping");
                continue;
            }

            if (!combinations)
            {
                continue;
            }

            foreach (var item in ((SequenceNode)row).Items)
            {
                if (item is ScalarNode { IsSingleExpression: false } text)
                {
                    context.Report(text, $"an element of \"{key.Value}\" must be a mapping of matrix keys to values (or one ${{{{ }}}} expression)");
                }
                else if (item is SequenceNode)
                {
                    context.Report(item, $"an element of \"{key.Value}\" must be a mapping of matrix keys to values, not a sequence");
                }
            }
        }
    }

    private static void Expect(MappingNode? mapping, string key, Kind expected, RuleContext context)
    {
        if (mapping?.Get(key) is not { } value || Matches(value, expected))
        {
            return;
        }

        context.Report(value, $"\"{key}\" must be {Describe(expected)}, not a {value.KindName}");
    }

    private static bool Matches(Node value, Kind expected) => value switch
    {
        ScalarNode { ContainsExpression: true } => true,
        ScalarNode { IsNull: true } => true,
        ScalarNode => expected.HasFlag(Kind.Scalar),
        SequenceNode => expected.HasFlag(Kind.Sequence),
        MappingNode => expected.HasFlag(Kind.Mapping),
        _ => false,
    };

    private static string Describe(Kind kind)
    {
        var names = new List<string>();
        if (kind.HasFlag(Kind.Scalar))
        {
            names.Add("a string");
        }

        if (kind.HasFlag(Kind.Sequence))
        {
            names.Add("a sequence");
        }

        if (kind.HasFlag(Kind.Mapping))
        {
            names.Add("a mapping");
        }

        return string.Join(" or ", names);
    }
}
