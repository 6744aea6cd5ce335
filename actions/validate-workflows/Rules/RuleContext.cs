using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Sources;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>What a rule sees besides the model: the file, the config, the repository, and where to report.</summary>
public sealed class RuleContext
{
    private readonly Rule _rule;
    private readonly List<Finding> _sink;

    public RuleContext(Rule rule, SourceFile file, LintConfig config, LocalRepository repository, List<Finding> sink)
    {
        _rule = rule;
        File = file;
        Config = config;
        Repository = repository;
        _sink = sink;
    }

    public SourceFile File { get; }

    public LintConfig Config { get; }

    public LocalRepository Repository { get; }

    public void Report(Position at, string message, int? endColumn = null, Severity? severity = null) =>
        _sink.Add(new Finding(File.DisplayPath, at.Line, at.Column, endColumn, _rule.Id, severity ?? _rule.DefaultSeverity, message));

    /// <summary>Reports at a node; a one-line node also gives the end column.</summary>
    public void Report(Node node, string message, Severity? severity = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        int? end = node is ScalarNode && node.End.Line == node.Start.Line && node.End.Column > node.Start.Column ? node.End.Column : null;
        Report(node.Start, message, end, severity);
    }
}
