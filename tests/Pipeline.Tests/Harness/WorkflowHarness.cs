using System.Diagnostics;
using System.Globalization;
using Tailpaste.TestKit.Processes;
using Tailpaste.TestKit.Runner;
using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>
/// Runs a workflow's jobs the way the runner does for what this pipeline's files use: jobs in <c>needs</c> order,
/// job and step <c>if:</c> with the status functions, <c>with:</c>/<c>env:</c> expressions over inputs, vars,
/// secrets, env, github (from an event payload), needs.*.outputs and steps.*.outputs, job outputs, and
/// <c>workflow_call</c> into local reusable workflows with their outputs. Expressions are evaluated by
/// validate-workflows' parser and evaluator. <c>uses: ./actions/*</c> steps go to <see cref="ILocalActions"/>
/// (a container action on the real engine), <c>run:</c> steps to bash, third-party actions to named test doubles.
/// Not modelled: matrix, services/container, composite actions, cancellation, continue-on-error, timeouts.
/// </summary>
public sealed class WorkflowHarness(string repositoryRoot, Func<ILocalActions> localActions)
{
    private static readonly TimeSpan _runStepTimeout = TimeSpan.FromMinutes(5);

    public Dictionary<string, string> Vars { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Secrets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fields of the github context besides event_name and event (sha, ref, repository, run_id...).</summary>
    public Dictionary<string, object?> GitHub { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sha"] = "0123456789abcdef0123456789abcdef01234567",
        ["ref"] = "refs/heads/main",
        ["repository"] = "tailpaste/tailpaste",
        ["run_id"] = "4242",
        ["actor"] = "harness",
        ["token"] = "ghs_harness_token",
        ["server_url"] = "https://github.com",
        ["api_url"] = "https://api.github.com",
    };

    public Dictionary<string, Func<ThirdPartyStep, Task<LocalActionResult>>> Doubles { get; } =
        new(TestDoubles.Standard(repositoryRoot), StringComparer.OrdinalIgnoreCase);

    /// <summary>The runner machine's environment as run: steps see it besides the workflow's env (such as DOCKER_HOST).</summary>
    public Dictionary<string, string> RunnerEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the upload-artifact double puts what the run uploads.</summary>
    public string Artifacts { get; } = Directory.CreateTempSubdirectory("tailpaste-harness-artifacts-").FullName;

    public Task<WorkflowRunResult> RunAsync(string workflowFile, WorkflowEvent trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var workflow = Load(workflowFile);
        var inputs = Inputs(workflow, trigger.Name, trigger.Inputs.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.OrdinalIgnoreCase));
        return RunWorkflowAsync(workflow, trigger, inputs, new Dictionary<string, string>(Secrets, StringComparer.OrdinalIgnoreCase));
    }

    private Workflow Load(string workflowFile)
    {
        var relative = workflowFile.StartsWith("./", StringComparison.Ordinal) ? workflowFile[2..] : Path.Combine(".github", "workflows", workflowFile);
        var path = Path.Combine(repositoryRoot, relative);
        var text = File.ReadAllText(path);
        var root = YamlLoader.Load(text).Root as MappingNode ?? throw new InvalidOperationException($"{relative} is not a YAML mapping");
        return new Workflow(new SourceFile(relative.Replace('\\', '/'), path, text), root);
    }

    private async Task<WorkflowRunResult> RunWorkflowAsync(Workflow workflow, WorkflowEvent trigger, Dictionary<string, object?> inputs, Dictionary<string, string> secrets)
    {
        var done = new Dictionary<string, JobRun>(StringComparer.OrdinalIgnoreCase);
        var order = new List<JobRun>();
        while (done.Count < workflow.Jobs.Count)
        {
            var ready = workflow.Jobs.FirstOrDefault(j => !done.ContainsKey(j.Id.Value) && j.Needs.All(n => done.ContainsKey(n.Value)))
                ?? throw new InvalidOperationException($"{workflow.File.DisplayPath}: the jobs' needs form a cycle");
            var run = await RunJobAsync(workflow, ready, trigger, inputs, secrets, done);
            done[ready.Id.Value] = run;
            order.Add(run);
        }

        var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var jobs = done.ToDictionary(p => p.Key, p => (object?)Map(("result", p.Value.Result), ("outputs", Strings(p.Value.Outputs))), StringComparer.OrdinalIgnoreCase);
        var evaluator = new ExpressionEvaluator(new Dictionary<string, object?> { ["jobs"] = jobs, ["inputs"] = inputs, ["github"] = GitHubContext(trigger, workflow) });
        foreach (var (name, body) in workflow.FindTrigger("workflow_call")?.Filters?.GetMapping("outputs")?.Entries ?? [])
        {
            outputs[name.Value] = ExpressionEvaluator.ToText(evaluator.Interpolate((body as MappingNode)?.GetScalar("value")?.Value ?? string.Empty));
        }

        return new WorkflowRunResult(workflow.File.DisplayPath, order, outputs);
    }

    private async Task<JobRun> RunJobAsync(Workflow workflow, Job job, WorkflowEvent trigger, Dictionary<string, object?> inputs, Dictionary<string, string> secrets, Dictionary<string, JobRun> done)
    {
        var needs = job.Needs.ToDictionary(n => n.Value, n => (object?)Map(("result", done[n.Value].Result), ("outputs", Strings(done[n.Value].Outputs))), StringComparer.OrdinalIgnoreCase);
        var contexts = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["github"] = GitHubContext(trigger, workflow),
            ["inputs"] = inputs,
            ["vars"] = Strings(Vars),
            ["secrets"] = Strings(secrets),
            ["needs"] = needs,
            ["env"] = new Dictionary<string, object?>(),
            ["steps"] = new Dictionary<string, object?>(),
            ["matrix"] = new Dictionary<string, object?>(),
            ["strategy"] = new Dictionary<string, object?>(),
            ["runner"] = Map(("os", "Linux"), ("arch", "X64"), ("temp", Path.GetTempPath())),
        };
        var needResults = job.Needs.Select(n => done[n.Value].Result).ToList();
        var jobEvaluator = new ExpressionEvaluator(contexts, name => name switch
        {
            "success" => needResults.All(r => r == "success"),
            "failure" => needResults.Any(r => r == "failure"),
            "always" => true,
            _ => false,
        });
        var runsOn = Text(jobEvaluator, job.Body.Get("runs-on")) ?? string.Empty;
        var environment = job.Body.Get("environment") switch
        {
            ScalarNode scalar => Text(jobEvaluator, scalar),
            MappingNode mapping => Text(jobEvaluator, mapping.Get("name")),
            _ => null,
        };
        var concurrency = job.Body.Get("concurrency") switch
        {
            ScalarNode scalar => Text(jobEvaluator, scalar),
            MappingNode mapping => Text(jobEvaluator, mapping.Get("group")),
            _ => null,
        };
        if (!jobEvaluator.EvaluateCondition(job.Body.GetScalar("if")?.Value))
        {
            return new JobRun(job.Id.Value, "skipped", new Dictionary<string, string>(), [], string.Empty, runsOn, environment, concurrency, null);
        }

        if (job.IsWorkflowCall)
        {
            return await CallWorkflowAsync(job, jobEvaluator, trigger, secrets, runsOn, environment, concurrency);
        }

        var env = new Dictionary<string, object?>(StringComparer.Ordinal);
        AddEnv(env, jobEvaluator, workflow.Root.GetMapping("env"));
        contexts["env"] = env;
        AddEnv(env, jobEvaluator, job.Body.GetMapping("env"));

        using var actions = localActions();
        var steps = (Dictionary<string, object?>)contexts["steps"]!;
        var runs = new List<StepRun>();
        var failed = false;
        foreach (var step in job.Steps)
        {
            var stepEnv = new Dictionary<string, object?>(env, StringComparer.Ordinal);
            var stepContexts = new Dictionary<string, object?>(contexts, StringComparer.OrdinalIgnoreCase) { ["env"] = stepEnv };
            var evaluator = new ExpressionEvaluator(stepContexts, name => name switch
            {
                "success" => !failed,
                "failure" => failed,
                "always" => true,
                _ => false,
            });
            AddEnv(stepEnv, evaluator, step.Body.GetMapping("env"));
            var label = step.Id?.Value ?? step.Name?.Value ?? step.Uses?.Value ?? $"#{step.Index + 1}";
            StepRun run;
            if (!evaluator.EvaluateCondition(step.If?.Value))
            {
                run = new StepRun(label, step.Id?.Value, step.Uses?.Value ?? "run", "skipped", new Dictionary<string, string>(), new Dictionary<string, string>(), string.Empty, string.Empty);
            }
            else
            {
                var clock = Stopwatch.StartNew();
                run = await RunStepAsync(step, label, evaluator, stepEnv, actions, trigger) with { Elapsed = clock.Elapsed };
            }

            runs.Add(run);
            failed |= run.Outcome == "failure";
            if (step.Id?.Value is { } id)
            {
                steps[id] = Map(("outputs", Strings(run.Outputs)), ("outcome", run.Outcome), ("conclusion", run.Outcome));
            }
        }

        var outputEvaluator = new ExpressionEvaluator(contexts);
        var outputs = (job.Outputs?.Entries ?? []).ToDictionary(
            e => e.Key.Value,
            e => Text(outputEvaluator, e.Value) ?? string.Empty,
            StringComparer.OrdinalIgnoreCase);
        return new JobRun(job.Id.Value, failed ? "failure" : "success", outputs, runs, string.Concat(runs.Select(r => r.Summary)), runsOn, environment, concurrency, null);
    }

    private async Task<JobRun> CallWorkflowAsync(Job job, ExpressionEvaluator evaluator, WorkflowEvent trigger, Dictionary<string, string> secrets, string runsOn, string? environment, string? concurrency)
    {
        var callee = Load(job.Uses!.Value);
        var given = (job.Body.GetMapping("with")?.Entries ?? []).ToDictionary(e => e.Key.Value, e => e.Value is ScalarNode s ? evaluator.Interpolate(s.Value) : null, StringComparer.OrdinalIgnoreCase);
        var calleeSecrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (job.Body.Get("secrets") is ScalarNode { Value: "inherit" })
        {
            calleeSecrets = new Dictionary<string, string>(secrets, StringComparer.OrdinalIgnoreCase);
        }
        else
        {
            foreach (var (name, value) in job.Body.GetMapping("secrets")?.Entries ?? [])
            {
                calleeSecrets[name.Value] = Text(evaluator, value) ?? string.Empty;
            }
        }

        var called = await RunWorkflowAsync(callee, trigger, Inputs(callee, "workflow_call", given), calleeSecrets);
        return new JobRun(job.Id.Value, called.Jobs.Any(j => j.Result == "failure") ? "failure" : "success", called.Outputs, [], string.Empty, runsOn, environment, concurrency, called);
    }

    private async Task<StepRun> RunStepAsync(Step step, string label, ExpressionEvaluator evaluator, Dictionary<string, object?> env, ILocalActions actions, WorkflowEvent trigger)
    {
        var with = (step.With?.Entries ?? []).ToDictionary(e => e.Key.Value, e => Text(evaluator, e.Value) ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        if (step.Uses?.Value is { } uses)
        {
            LocalActionResult result;
            if (uses.StartsWith("./actions/", StringComparison.Ordinal))
            {
                result = await actions.RunAsync(uses["./actions/".Length..].TrimEnd('/'), with);
            }
            else
            {
                var action = uses.Split('@')[0];
                result = Doubles.TryGetValue(action, out var stand)
                    ? await stand(new ThirdPartyStep(action, with, actions.Workspace, Artifacts))
                    : new LocalActionResult(1, $"no test double for {action}", new Dictionary<string, string>(), string.Empty);
            }

            return new StepRun(label, step.Id?.Value, uses, result.ExitCode == 0 ? "success" : "failure", with, result.Outputs, result.Log, result.Summary);
        }

        var script = ExpressionEvaluator.ToText(evaluator.Interpolate(step.Run?.Value ?? string.Empty));
        var files = Directory.CreateTempSubdirectory("tailpaste-harness-step-").FullName;
        try
        {
            var scriptFile = Path.Combine(files, "step.sh");
            await File.WriteAllTextAsync(scriptFile, script);
            var outputFile = Path.Combine(files, "output");
            var summaryFile = Path.Combine(files, "summary");
            await File.WriteAllTextAsync(outputFile, string.Empty);
            await File.WriteAllTextAsync(summaryFile, string.Empty);
            var variables = RunnerEnvironment.ToDictionary(p => p.Key, string? (p) => p.Value, StringComparer.Ordinal);
            foreach (var (name, value) in env)
            {
                variables[name] = ExpressionEvaluator.ToText(value);
            }

            variables["CI"] = "true";
            variables["GITHUB_ACTIONS"] = "true";
            variables["GITHUB_OUTPUT"] = outputFile;
            variables["GITHUB_STEP_SUMMARY"] = summaryFile;
            variables["GITHUB_WORKSPACE"] = actions.Workspace;
            variables["GITHUB_EVENT_NAME"] = trigger.Name;
            variables["GITHUB_SHA"] = ExpressionEvaluator.ToText(GitHub.GetValueOrDefault("sha"));
            variables["GITHUB_RUN_ID"] = ExpressionEvaluator.ToText(GitHub.GetValueOrDefault("run_id"));
            var run = await ToolProcess.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", $"cd \"$GITHUB_WORKSPACE\" && . \"{scriptFile}\""], environment: variables, timeout: _runStepTimeout);
            return new StepRun(label, step.Id?.Value, "run", run.ExitCode == 0 ? "success" : "failure", with, RunnerFile.Outputs(outputFile), run.Stdout + run.Stderr, await File.ReadAllTextAsync(summaryFile));
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }
    }

    private Dictionary<string, object?> GitHubContext(WorkflowEvent trigger, Workflow workflow)
    {
        var github = new Dictionary<string, object?>(GitHub, StringComparer.OrdinalIgnoreCase)
        {
            ["event_name"] = trigger.Name,
            ["event"] = trigger.Payload,
            ["workflow"] = workflow.Root.GetScalar("name")?.Value ?? workflow.File.DisplayPath,
        };
        if (trigger.Payload.GetValueOrDefault("ref") is string gitRef && trigger.Name is "workflow_dispatch" or "push")
        {
            // The runner's github.ref is the ref the event names; ref_name its short form.
            github["ref"] = gitRef;
            github["ref_name"] = gitRef.Split('/', 3) is ["refs", _, var name] ? name : gitRef;
        }

        return github;
    }

    /// <summary>The inputs context: the given values, then the declared defaults, typed as the trigger declares them.</summary>
    private static Dictionary<string, object?> Inputs(Workflow workflow, string eventName, Dictionary<string, object?> given)
    {
        var inputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var declared = workflow.FindTrigger(eventName)?.Filters?.GetMapping("inputs")?.Entries ?? [];
        foreach (var (name, body) in declared)
        {
            var declaration = body as MappingNode;
            var type = declaration?.GetScalar("type")?.Value ?? "string";
            object? value = given.TryGetValue(name.Value, out var v) ? v : declaration?.GetScalar("default")?.Value;
            inputs[name.Value] = type switch
            {
                "boolean" => value is bool flag ? flag : string.Equals(ExpressionEvaluator.ToText(value), "true", StringComparison.OrdinalIgnoreCase),
                "number" => value is double number ? number : double.Parse(ExpressionEvaluator.ToText(value) is { Length: > 0 } t ? t : "0", CultureInfo.InvariantCulture),
                _ => ExpressionEvaluator.ToText(value),
            };
        }

        return inputs;
    }

    private static void AddEnv(Dictionary<string, object?> env, ExpressionEvaluator evaluator, MappingNode? mapping)
    {
        foreach (var (name, value) in mapping?.Entries ?? [])
        {
            env[name.Value] = Text(evaluator, value) ?? string.Empty;
        }
    }

    /// <summary>A scalar (or a sequence of scalars, as runs-on) with its expressions evaluated, as text.</summary>
    private static string? Text(ExpressionEvaluator evaluator, Node? node) => node switch
    {
        ScalarNode scalar => ExpressionEvaluator.ToText(evaluator.Interpolate(scalar.Value)),
        SequenceNode sequence => string.Join(",", sequence.Items.Select(i => Text(evaluator, i))),
        _ => null,
    };

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, object?> Strings(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.OrdinalIgnoreCase);
}
