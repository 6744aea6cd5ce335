using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Rules;
using Tailpaste.ValidateWorkflows.Sources;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Engine;

/// <summary>
/// Lints files: loads each with positions, builds the workflow or action model, walks it once calling every
/// enabled rule's callbacks, then applies ignore comments.
/// </summary>
public sealed class Linter
{
    private readonly IReadOnlyList<Rule> _rules;
    private readonly LintConfig _config;
    private readonly LocalRepository _repository;
    private readonly IReadOnlySet<string> _knownRules;

    public Linter(IReadOnlyList<Rule> rules, LintConfig config, LocalRepository repository)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        _knownRules = EngineChecks.Catalog(rules).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        _rules = rules.Where(r => config.IsEnabled(r.Id)).ToList();
    }

    /// <summary>Lints the selected files; when the config's ignore-paths took every file away, says so with a warning.</summary>
    public LintResult Lint(FileSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var result = Lint(selection.Files);
        if (selection.Files.Count > 0 || selection.Ignored == 0 || !_config.IsEnabled(EngineChecks.NothingLinted.Id))
        {
            return result;
        }

        var where = _config.SourcePath is { } source ? _repository.DisplayPath(source) : ".";
        var message = $"ignore-paths in the config excludes all {selection.Ignored} file(s) there were to lint, so nothing was linted";
        return result with { Findings = [Report(EngineChecks.NothingLinted, where, new Position(_config.IgnorePathsLine, 1), message)] };
    }

    public LintResult Lint(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var findings = new List<Finding>();
        var files = 0;
        foreach (var path in paths)
        {
            files++;
            findings.AddRange(LintFile(path));
        }

        return new LintResult(files, Sort(findings));
    }

    public IReadOnlyList<Finding> LintFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var display = _repository.DisplayPath(fullPath);
        var read = _repository.Reader.Read(fullPath);
        if (read.Text is not { } text)
        {
            var check = read.Refusal == FileRefusal.TooLarge ? EngineChecks.YamlLimits : EngineChecks.FileAccess;
            return _config.IsEnabled(check.Id) ? [Report(check, display, Position.Start, read.Problem!)] : [];
        }

        if (text.AsSpan(0, Math.Min(text.Length, 8192)).Contains('\0'))
        {
            return _config.IsEnabled(EngineChecks.YamlSyntax.Id) ? [Report(EngineChecks.YamlSyntax, display, Position.Start, "this is a binary file (it contains NUL bytes), not YAML")] : [];
        }

        return LintText(new SourceFile(display, fullPath, text));
    }

    public IReadOnlyList<Finding> LintText(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var findings = new List<Finding>();
        var document = YamlLoader.Load(file.Text);
        foreach (var problem in document.Problems)
        {
            var check = problem.Kind == YamlProblemKind.Limit ? EngineChecks.YamlLimits : EngineChecks.YamlSyntax;
            if (_config.IsEnabled(check.Id))
            {
                findings.Add(Report(check, file.DisplayPath, problem.Position, problem.Message));
            }
        }

        if (document.Problems.Count == 0 || document.Root is not null)
        {
            Visit(file, document.Root, findings);
        }

        return Sort(Suppressions.Apply(file, findings, _knownRules, _config.IsEnabled(EngineChecks.UnusedIgnore.Id)));
    }

    private void Visit(SourceFile file, Node? document, List<Finding> findings)
    {
        var contexts = _rules.Select(r => (Rule: r, Context: new RuleContext(r, file, _config, _repository, findings))).ToList();
        void Each(Action<Rule, RuleContext> visit)
        {
            foreach (var (rule, context) in contexts)
            {
                try
                {
                    visit(rule, context);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A bug in one rule must not hide what the others found, nor crash the run.
                    if (_config.IsEnabled(EngineChecks.InternalError.Id))
                    {
                        findings.Add(Report(EngineChecks.InternalError, file.DisplayPath, Position.Start, $"rule {rule.Id} failed on this file: {e.GetType().Name}: {e.Message}"));
                    }
                }
            }
        }

        Each((rule, context) => rule.VisitDocument(document, context));
        if (document is not MappingNode root)
        {
            return;
        }

        if (file.IsActionMetadata)
        {
            var action = new ActionMetadata(file, root);
            Each((rule, context) => rule.VisitAction(action, context));
            foreach (var step in action.Steps)
            {
                Each((rule, context) => rule.VisitStep(step, context));
            }

            foreach (var use in ExpressionSites.Of(action))
            {
                Each((rule, context) => rule.VisitExpression(use, context));
            }

            return;
        }

        var workflow = new Workflow(file, root);
        Each((rule, context) => rule.VisitWorkflow(workflow, context));
        foreach (var job in workflow.Jobs)
        {
            Each((rule, context) => rule.VisitJob(job, context));
            foreach (var step in job.Steps)
            {
                Each((rule, context) => rule.VisitStep(step, context));
            }
        }

        foreach (var use in ExpressionSites.Of(workflow))
        {
            Each((rule, context) => rule.VisitExpression(use, context));
        }

        Each((rule, context) => rule.VisitWorkflowEnd(workflow, context));
    }

    private static Finding Report(CheckInfo check, string file, Position at, string message) =>
        new(file, at.Line, at.Column, null, check.Id, check.Severity, message);

    private static List<Finding> Sort(IEnumerable<Finding> findings) =>
        findings.Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
}
