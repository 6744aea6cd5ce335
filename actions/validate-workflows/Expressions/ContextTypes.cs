using System.Globalization;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;
using T = Tailpaste.ValidateWorkflows.Expressions.ExpressionType;

namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// The types of the contexts an expression can read, for the place it is in: <c>github</c>, <c>runner</c>,
/// <c>strategy</c> and <c>job</c> with their documented properties; <c>env</c>, <c>vars</c> and <c>secrets</c> as
/// maps of strings; <c>inputs</c>, <c>matrix</c>, <c>github.event.inputs</c> and <c>jobs</c> typed from the
/// workflow itself. <c>steps</c> and <c>needs</c> are typed by shape only; which ids exist is the job of their own
/// rules, so a mistake there is reported once.
/// </summary>
public static class ContextTypes
{
    private static readonly ObjectType _runner = ObjectType.Strict(Props(
        ("name", T.String), ("os", T.String), ("arch", T.String), ("temp", T.String), ("tool_cache", T.String),
        ("debug", T.String), ("environment", T.String)));

    // Loose, as actionlint types it: GitHub documents these four, but reading another one is not refused.
    private static readonly ObjectType _strategy = ObjectType.Loose(Props(
        ("fail-fast", T.Bool), ("job-index", T.Number), ("job-total", T.Number), ("max-parallel", T.Number)));

    private static readonly ObjectType _container = ObjectType.Strict(Props(("id", T.String), ("network", T.String)));

    // Strict, with every property GitHub documents as of 2026-12 (check_run_id and the workflow_* of the job's
    // own workflow included), so a typo such as job.stauts is caught.
    private static readonly ObjectType _job = ObjectType.Strict(Props(
        ("container", _container),
        ("services", ObjectType.MapOf(ObjectType.Strict(Props(("id", T.String), ("network", T.String), ("ports", ObjectType.MapOf(T.String)))))),
        ("status", T.String),
        ("check_run_id", T.Number),
        ("workflow_file_path", T.String),
        ("workflow_ref", T.String),
        ("workflow_repository", T.String),
        ("workflow_sha", T.String)));

    private static readonly ObjectType _step = ObjectType.Loose(Props(("outputs", ObjectType.MapOf(T.String)), ("conclusion", T.String), ("outcome", T.String)));

    private static readonly ObjectType _neededJob = ObjectType.Loose(Props(("outputs", ObjectType.MapOf(T.String)), ("result", T.String)));

    private static readonly string[] _githubStrings =
    [
        "action", "action_path", "action_ref", "action_repository", "action_status", "actor", "actor_id", "api_url", "base_ref",
        "env", "event_name", "event_path", "graphql_url", "head_ref", "job", "output", "path", "ref", "ref_name", "ref_type",
        "repository", "repository_id", "repository_owner", "repository_owner_id", "repository_visibility", "repositoryurl",
        "run_attempt", "run_id", "run_number", "secret_source", "server_url", "sha", "state", "step_summary", "token",
        "triggering_actor", "workflow", "workflow_ref", "workflow_sha", "workspace",
    ];

    /// <summary>The type of each context at the place of <paramref name="use"/>, by name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, T> For(ExpressionUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var workflow = use.Workflow;
        return new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase)
        {
            ["github"] = Github(workflow),
            ["env"] = ObjectType.MapOf(T.String),
            ["vars"] = ObjectType.MapOf(T.String),
            ["secrets"] = Secrets(workflow),
            ["runner"] = _runner,
            ["strategy"] = _strategy,
            ["job"] = _job,
            ["steps"] = ObjectType.MapOf(_step),
            ["needs"] = ObjectType.MapOf(_neededJob),
            ["matrix"] = use.Job is { } job ? Matrix(job) : ObjectType.Loose(),
            ["inputs"] = Inputs(use),
            ["jobs"] = workflow is null ? ObjectType.Loose() : Jobs(workflow),
        };
    }

    private static ObjectType Github(Workflow? workflow)
    {
        var properties = _githubStrings.Select(p => new KeyValuePair<string, T>(p, T.String)).ToList();
        properties.Add(new("ref_protected", T.Bool));
        properties.Add(new("artifact_cache_size_limit", T.Number));
        properties.Add(new("retention_days", T.Number));
        var dispatch = workflow?.FindTrigger("workflow_dispatch")?.Filters?.GetMapping("inputs");
        var eventProperties = new List<KeyValuePair<string, T>>();
        if (dispatch is not null)
        {
            // github.event.inputs carries the dispatch inputs, every one as a string.
            eventProperties.Add(new("inputs", ObjectType.Strict(dispatch.Entries.Select(e => new KeyValuePair<string, T>(e.Key.Value, T.String)))));
        }

        properties.Add(new("event", ObjectType.Loose(eventProperties)));
        return ObjectType.Strict(properties);
    }

    /// <summary>A reusable workflow that declares its secrets receives only those (and the token); others may read any.</summary>
    private static ObjectType Secrets(Workflow? workflow)
    {
        if (workflow?.FindTrigger("workflow_call")?.Filters?.Get("secrets") is not MappingNode declared || workflow.Triggers.Count > 1)
        {
            return ObjectType.MapOf(T.String);
        }

        var names = declared.Entries.Select(e => e.Key.Value).Concat(["GITHUB_TOKEN", "ACTIONS_RUNNER_DEBUG", "ACTIONS_STEP_DEBUG"]);
        return ObjectType.Strict(names.Select(n => new KeyValuePair<string, T>(n, T.String)));
    }

    private static ObjectType Inputs(ExpressionUse use)
    {
        IEnumerable<InputDeclaration> inputs = use.Workflow?.Inputs.Values ?? use.Action?.Inputs.Values ?? [];
        return ObjectType.Loose(inputs.Select(i => new KeyValuePair<string, T>(i.Name.Value, i.Source == "action" ? T.String : i.Type switch
        {
            "boolean" => T.Bool,
            "number" => T.Number,
            "string" or "choice" or "environment" => T.String,
            _ => T.Any,
        })));
    }

    /// <summary><c>jobs.&lt;id&gt;.outputs</c> for the outputs of a reusable workflow: the jobs and the outputs they declare.</summary>
    private static ObjectType Jobs(Workflow workflow)
    {
        var jobs = new List<KeyValuePair<string, T>>();
        foreach (var job in workflow.Jobs)
        {
            T outputs = job.Body.Get("outputs") switch
            {
                MappingNode declared when !job.IsWorkflowCall => ObjectType.Strict(declared.Entries.Select(e => new KeyValuePair<string, T>(e.Key.Value, T.String))),
                null when !job.IsWorkflowCall => ObjectType.Strict([]),
                _ => ObjectType.MapOf(T.String),
            };
            jobs.Add(new(job.Id.Value, ObjectType.Strict(Props(("outputs", outputs), ("result", T.String)))));
        }

        return ObjectType.Strict(jobs);
    }

    /// <summary>The matrix of a job: each row typed by its values, include adding keys; any when built by an expression.</summary>
    private static T Matrix(Job job)
    {
        if (job.Body.GetMapping("strategy")?.Get("matrix") is not { } matrix)
        {
            return ObjectType.Strict([]);
        }

        if (matrix is not MappingNode rows || job.MatrixKeys is null)
        {
            return ObjectType.Loose();
        }

        var types = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in rows.Entries)
        {
            if (key.Value is "include" or "exclude")
            {
                continue;
            }

            types[key.Value] = value is SequenceNode values && values.Items.Count > 0
                ? values.Items.Select(OfValue).Aggregate(T.Merge)
                : T.Any;
        }

        foreach (var include in rows.GetSequence("include")?.Items.OfType<MappingNode>() ?? [])
        {
            foreach (var (key, value) in include.Entries)
            {
                types[key.Value] = types.TryGetValue(key.Value, out var known) ? T.Merge(known, OfValue(value)) : OfValue(value);
            }
        }

        return ObjectType.Loose(types);
    }

    /// <summary>The type of a YAML value given literally (a matrix entry).</summary>
    public static T OfValue(Node node) => node switch
    {
        ScalarNode { ContainsExpression: true } => T.Any,
        ScalarNode { IsNull: true } => T.Null,
        ScalarNode { IsBoolean: true } => T.Bool,
        ScalarNode { IsPlain: true } scalar when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => T.Number,
        ScalarNode => T.String,
        SequenceNode { Items.Count: 0 } => new ArrayType(T.Any),
        SequenceNode sequence => new ArrayType(sequence.Items.Select(OfValue).Aggregate(T.Merge)),
        // A mapping written out has exactly its keys: a property it lacks is a typo (matrix.target.tripple).
        MappingNode mapping => ObjectType.Strict(mapping.Entries.Select(e => new KeyValuePair<string, T>(e.Key.Value, OfValue(e.Value)))),
        _ => T.Any,
    };

    private static IEnumerable<KeyValuePair<string, T>> Props(params (string Name, T Type)[] properties) =>
        properties.Select(p => new KeyValuePair<string, T>(p.Name, p.Type));
}
