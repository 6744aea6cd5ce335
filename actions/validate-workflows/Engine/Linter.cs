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
    public const string SyntaxRuleId = "yaml-syntax";
    public const string LimitsRuleId = "yaml-limits";
    public const string InternalErrorRuleId = "internal-error";
    public const string FileAccessRuleId = "file-access";
    public const string NothingLintedRuleId = "nothing-linted";

    private readonly IReadOnlyList<Rule> _rules;
    private readonly LintConfig _config;
    private readonly LocalRepository _repository;
    private readonly IReadOnlySet<string> _knownRules;

    public Linter(IReadOnlyList<Rule> rules, LintConfig config, LocalRepository repository)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        _knownRules = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        _rules = rules.Where(r => config.IsEnabled(r.Id)).ToList();
    }

    /// <summary>Lints the selected files; when the config's ignore-paths took every file away, says so with a warning.</summary>
    public LintResult Lint(FileSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var result = Lint(selection.Files);
        if (selection.Files.Count > 0 || selection.Ignored == 0 || !_config.IsEnabled(NothingLintedRuleId))
        {
            return result;
        }

        var where = _config.SourcePath is { } source ? _repository.DisplayPath(source) : ".";
        var message = $"ignore-paths in the config excludes all {selection.Ignored} file(s) there were to lint, so nothing was linted";
        return result with { Findings = [new Finding(where, _config.IgnorePathsLine, 1, null, NothingLintedRuleId, Severity.Warning, message)] };
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
            var rule = read.Refusal switch
            {
                FileRefusal.TooLarge => LimitsRuleId,
                _ => FileAccessRuleId,
            };
            return _config.IsEnabled(rule) ? [new Finding(display, 1, 1, null, rule, Severity.Error, read.Problem!)] : [];
        }

        if (text.AsSpan(0, Math.Min(text.Length, 8192)).Contains('\0'))
        {
            return [new Finding(display, 1, 1, null, SyntaxRuleId, Severity.Error, "this is a binary file (it contains NUL bytes), not YAML")];
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
            var rule = problem.Kind == YamlProblemKind.Limit ? LimitsRuleId : SyntaxRuleId;
            if (_config.IsEnabled(rule))
            {
                findings.Add(new Finding(file.DisplayPath, problem.Position.Line, problem.Position.Column, null, rule, Severity.Error, problem.Message));
            }
        }

        if (document.Root is null && document.Problems.Count == 0)
        {
            var expected = file.IsActionMetadata ? "\"name\", \"description\" and \"runs\"" : "\"on\" and \"jobs\"";
            findings.Add(new Finding(file.DisplayPath, 1, 1, null, MissingKeyRule.RuleId, Severity.Error, $"the file is empty; expected a mapping with {expected}"));
        }
        else if (document.Root is MappingNode root)
        {
            Visit(file, root, findings);
        }
        else if (document.Root is { } other)
        {
            findings.Add(new Finding(file.DisplayPath, other.Start.Line, other.Start.Column, null, ValueTypeRule.RuleId, Severity.Error, $"the top level must be a mapping, not a {other.KindName}"));
        }

        return Sort(Suppressions.Apply(file, findings, _knownRules, _config.IsEnabled(Suppressions.UnusedRuleId)));
    }

    private void Visit(SourceFile file, MappingNode root, List<Finding> findings)
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
                    findings.Add(new Finding(file.DisplayPath, 1, 1, null, InternalErrorRuleId, Severity.Error, $"rule {rule.Id} failed on this file: {e.GetType().Name}: {e.Message}"));
                }
            }
        }

        Each((rule, context) => rule.VisitDocument(root, context));
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

    private static List<Finding> Sort(IEnumerable<Finding> findings) =>
        findings.Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
}
