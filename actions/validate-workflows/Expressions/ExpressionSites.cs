using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;
using YamlDotNet.Core;
using L = Tailpaste.ValidateWorkflows.Expressions.ExpressionLocations;

namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>Finds and parses every expression of a workflow or action.yml, each tagged with its location.</summary>
public sealed class ExpressionSites
{
    private readonly SourceFile _file;
    private readonly List<ExpressionUse> _uses = [];
    private Workflow? _workflow;
    private ActionMetadata? _action;

    private ExpressionSites(SourceFile file)
    {
        _file = file;
    }

    public static IReadOnlyList<ExpressionUse> Of(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var sites = new ExpressionSites(workflow.File) { _workflow = workflow };
        var root = workflow.Root;
        sites.Collect(root.Get("name"), L.NoContext, key: "name");
        sites.Collect(root.Get("run-name"), L.RunName, key: "run-name");
        sites.Collect(root.Get("env"), L.WorkflowEnv, key: "env");
        sites.CollectEnvNames(root.Get("env"), L.WorkflowEnv, null, null);
        sites.Collect(root.Get("concurrency"), L.WorkflowConcurrency, key: "concurrency");
        sites.Collect(root.Get("defaults"), L.NoContext, key: "defaults");
        foreach (var trigger in workflow.Triggers)
        {
            sites.CollectTrigger(trigger);
        }

        foreach (var job in workflow.Jobs)
        {
            sites.CollectJob(job);
        }

        return sites._uses;
    }

    public static IReadOnlyList<ExpressionUse> Of(ActionMetadata action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var sites = new ExpressionSites(action.File) { _action = action };
        foreach (var (_, input) in action.Root.GetMapping("inputs")?.Entries ?? [])
        {
            sites.Collect((input as MappingNode)?.Get("default"), L.ActionInputDefault);
        }

        foreach (var (_, output) in action.Root.GetMapping("outputs")?.Entries ?? [])
        {
            sites.Collect((output as MappingNode)?.Get("value"), L.ActionOutputValue);
        }

        foreach (var (key, value) in action.Runs?.Entries ?? [])
        {
            switch (key.Value)
            {
                case "steps":
                    break;
                case "pre-if" or "post-if":
                    sites.Collect(value, L.ActionStepIf, key: "if");
                    break;
                default:
                    sites.Collect(value, L.ActionRuns, key: key.Value);
                    break;
            }
        }

        foreach (var step in action.Steps)
        {
            sites.CollectStep(step, null, L.ActionStepIf, L.ActionRuns);
        }

        return sites._uses;
    }

    private void CollectTrigger(Trigger trigger)
    {
        if (trigger.Filters is not { } filters)
        {
            return;
        }

        foreach (var (key, value) in filters.Entries)
        {
            switch (key.Value)
            {
                case "inputs" or "outputs" or "secrets" when value is MappingNode declared:
                    foreach (var (_, body) in declared.Entries)
                    {
                        foreach (var (field, fieldValue) in (body as MappingNode)?.Entries ?? [])
                        {
                            var location = (trigger.Name.Value, key.Value, field.Value) switch
                            {
                                ("workflow_call", "inputs", "default") => L.CallInputDefault,
                                ("workflow_call", "outputs", "value") => L.CallOutputValue,
                                _ => L.NoContext,
                            };
                            Collect(fieldValue, location, key: field.Value);
                        }
                    }

                    break;
                default:
                    Collect(value, L.NoContext, key: key.Value);
                    break;
            }
        }
    }

    private void CollectJob(Job job)
    {
        foreach (var (key, value) in job.Body.Entries)
        {
            switch (key.Value)
            {
                case "if": Collect(value, L.JobIf, job, key: "if"); break;
                case "snapshot" when value is MappingNode snapshot: Collect(snapshot.Get("if"), L.JobIf, job, key: "if"); break;
                case "needs": Collect(value, L.NoContext, job, key: "needs"); break;
                case "name": Collect(value, L.JobName, job, key: "name"); break;
                case "runs-on": Collect(value, L.JobRunsOn, job, key: "runs-on"); break;
                case "environment" when value is MappingNode environment:
                    foreach (var (envKey, envValue) in environment.Entries)
                    {
                        Collect(envValue, envKey.Value == "url" ? L.JobEnvironmentUrl : L.JobEnvironment, job);
                    }

                    break;
                case "environment": Collect(value, L.JobEnvironment, job, key: "environment"); break;
                case "concurrency": Collect(value, L.JobConcurrency, job, key: "concurrency"); break;
                case "outputs": Collect(value, L.JobOutputs, job, key: "outputs"); break;
                case "env":
                    Collect(value, L.JobEnv, job, key: "env");
                    CollectEnvNames(value, L.JobEnv, job, null);
                    break;
                case "defaults": Collect(value, L.JobDefaults, job, key: "defaults"); break;
                case "timeout-minutes": Collect(value, L.JobTimeout, job, key: "timeout-minutes"); break;
                case "continue-on-error": Collect(value, L.JobContinueOnError, job, key: "continue-on-error"); break;
                case "strategy": Collect(value, L.JobStrategy, job, key: "strategy"); break;
                case "with": Collect(value, L.CallWith, job, key: "with"); break;
                case "secrets": Collect(value, L.CallSecrets, job, key: "secrets"); break;
                case "container": CollectContainer(value, job); break;
                case "services" when value is MappingNode services:
                    foreach (var (_, service) in services.Entries)
                    {
                        CollectContainer(service, job);
                    }

                    break;
                case "services": Collect(value, L.Container, job, key: "services"); break;
            }
        }

        foreach (var step in job.Steps)
        {
            CollectStep(step, job, L.StepIf, L.Step);
        }
    }

    private void CollectContainer(Node? container, Job job)
    {
        if (container is not MappingNode mapping)
        {
            Collect(container, L.Container, job, key: "container");
            return;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            var location = key.Value switch
            {
                "credentials" => L.ContainerCredentials,
                "env" => L.ContainerEnv,
                _ => L.Container,
            };
            Collect(value, location, job, key: key.Value);
            if (key.Value == "env")
            {
                CollectEnvNames(value, location, job, null);
            }
        }
    }

    /// <summary>Environment variable names may be built by an expression too; they are checked where the values are.</summary>
    private void CollectEnvNames(Node? env, ExpressionLocation location, Job? job, Step? step)
    {
        foreach (var (name, _) in (env as MappingNode)?.Entries ?? [])
        {
            if (name.ContainsExpression)
            {
                CollectScalar(name, location, job, step, inScript: false, key: null);
            }
        }
    }

    private void CollectStep(Step step, Job? job, ExpressionLocation ifLocation, ExpressionLocation location)
    {
        var isScriptAction = step.Uses?.Value.StartsWith("actions/github-script@", StringComparison.OrdinalIgnoreCase) == true;
        foreach (var (key, value) in step.Body.Entries)
        {
            switch (key.Value)
            {
                case "uses":
                    break;
                case "id" or "shell":
                    Collect(value, L.NoContext, job, step, key: key.Value);
                    break;
                case "if":
                    Collect(value, ifLocation, job, step, key: "if");
                    break;
                case "run":
                    Collect(value, location, job, step, inScript: true, key: "run");
                    break;
                case "with" when isScriptAction && value is MappingNode with:
                    foreach (var (input, inputValue) in with.Entries)
                    {
                        Collect(inputValue, location, job, step, inScript: input.Value == "script", key: input.Value);
                    }

                    break;
                default:
                    Collect(value, location, job, step, key: key.Value);
                    if (key.Value == "env")
                    {
                        CollectEnvNames(value, location, job, step);
                    }

                    break;
            }
        }
    }

    private void Collect(Node? node, ExpressionLocation location, Job? job = null, Step? step = null, bool inScript = false, string? key = null)
    {
        switch (node)
        {
            case ScalarNode scalar:
                CollectScalar(scalar, location, job, step, inScript, key);
                break;
            case MappingNode mapping:
                foreach (var (name, value) in mapping.Entries)
                {
                    Collect(value, location, job, step, inScript, name.Value);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    Collect(item, location, job, step, inScript, key);
                }

                break;
        }
    }

    private void CollectScalar(ScalarNode scalar, ExpressionLocation location, Job? job, Step? step, bool inScript, string? key)
    {
        var embedded = EmbeddedExpression.FindAll(scalar.Value);
        if (embedded.Count == 0)
        {
            if (location.ImplicitExpression && !scalar.IsNull && !scalar.IsBoolean)
            {
                var quote = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
                var start = scalar.Start.Right(quote);
                _uses.Add(Parse(scalar, scalar.Value, start, start, location, job, step, inScript, closed: true, key));
            }

            return;
        }

        for (var i = 0; i < embedded.Count; i++)
        {
            var expression = embedded[i];
            var start = _file.Find("${{", scalar.Start, scalar.End, i) ?? scalar.Start;

            // Inside a multi-line value (run: |) findings go on the value's first line, where actionlint and
            // GitHub's own error messages put them; the text format's caret then points at the "|".
            start = start.Line == scalar.Start.Line ? start : scalar.Start;
            _uses.Add(Parse(scalar, expression.Inner, start, start.Right(3), location, job, step, inScript, expression.Closed, key));
        }
    }

    private ExpressionUse Parse(ScalarNode scalar, string text, Position start, Position textStart, ExpressionLocation location, Job? job, Step? step, bool inScript, bool closed, string? key)
    {
        ExpressionNode? tree = null;
        ExpressionSyntaxException? error = null;
        if (!closed)
        {
            error = new ExpressionSyntaxException(0, "the expression is not closed with '}}'");
        }
        else
        {
            try
            {
                tree = ExpressionParser.Parse(text);
            }
            catch (ExpressionSyntaxException e)
            {
                error = e;
            }
        }

        return new ExpressionUse
        {
            Node = scalar,
            Text = text,
            Start = start,
            TextStart = textStart,
            Location = location,
            Tree = tree,
            SyntaxError = error,
            Closed = closed,
            Workflow = _workflow,
            Action = _action,
            Job = job,
            Step = step,
            InScript = inScript,
            Key = key,
        };
    }
}
