using System.Globalization;
using System.Reflection;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.IO;
using Tailpaste.Shared.Reporting;
using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Output;
using Tailpaste.ValidateWorkflows.Rules;
using Tailpaste.ValidateWorkflows.Sources;

namespace Tailpaste.ValidateWorkflows;

/// <summary>The action and CLI: resolve the files, lint them, report in the chosen format, exit 1 on errors.</summary>
public static class ValidateWorkflowsAction
{
    public const string DefaultConfigPath = ".github/validate-workflows.yml";

    public static ActionDefinition<ValidateWorkflowsOptions> Definition { get; } = new(
        "validate-workflows",
        ActionManifest.FromAssembly(typeof(ValidateWorkflowsAction).Assembly),
        Bind,
        RunAsync)
    {
        Usage = "[--format text|json|sarif|github] [--config FILE] [--fail-on-warning] [PATH...]",
    };

    public static string Version =>
        typeof(ValidateWorkflowsAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static ValidateWorkflowsOptions Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var rootInput = inputs.GetInput("root");
        var root = Path.GetFullPath(rootInput.Length == 0 ? "." : rootInput);
        if (!Directory.Exists(root))
        {
            throw inputs.Invalid("root", rootInput, "an existing folder (the repository root)");
        }

        var formatInput = inputs.GetInput("format");
        var format = formatInput.Length == 0
            ? (runner.IsActions ? OutputFormat.GitHub : OutputFormat.Text)
            : inputs.GetChoiceInput("format", "text", "json", "sarif", "github") switch
            {
                "json" => OutputFormat.Json,
                "sarif" => OutputFormat.Sarif,
                "github" => OutputFormat.GitHub,
                _ => OutputFormat.Text,
            };

        var config = LoadConfig(inputs, root);
        var paths = inputs.GetListInput("paths").Concat(inputs.Arguments).ToList();
        var failOnWarning = inputs.GetBoolInput("fail-on-warning");
        var sarifPath = inputs.GetOptionalInput("sarif-path");
        var reportPath = inputs.GetOptionalInput("report-path");
        var files = FileCollector.Collect(root, paths, config);
        return new ValidateWorkflowsOptions(root, files, format, config, failOnWarning, sarifPath, reportPath);
    }

    public static async Task<int> RunAsync(ValidateWorkflowsOptions options, ActionCore core, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(core);
        var rules = RuleSet.All();
        var checks = EngineChecks.Catalog(rules);
        var linter = new Linter(rules, options.Config, new LocalRepository(options.Root));
        var result = linter.Lint(options.Files);

        switch (options.Format)
        {
            case OutputFormat.Json:
                core.WriteInfo(JsonFormatter.Render(result.Findings).TrimEnd('\n'));
                break;
            case OutputFormat.Sarif:
                core.WriteInfo(SarifFormatter.Render(result.Findings, checks, Version).TrimEnd('\n'));
                break;
            case OutputFormat.GitHub:
                foreach (var finding in result.Findings)
                {
                    var where = new AnnotationProperties(finding.File, finding.Line, finding.Column, finding.Line, finding.EndColumn, $"validate-workflows: {finding.Rule}");
                    if (finding.IsError)
                    {
                        core.WriteError($"{finding.Message} [{finding.Rule}]", where);
                    }
                    else
                    {
                        core.WriteWarning($"{finding.Message} [{finding.Rule}]", where);
                    }
                }

                core.WriteInfo(Totals(result));
                break;
            default:
                var lines = new SourceLines(options.Root);
                var text = TextFormatter.Render(result.Findings, lines.Get);
                core.WriteInfo(text + Totals(result));
                break;
        }

        string sarifPath = string.Empty;
        if (options.SarifPath is { } sarif)
        {
            sarifPath = Path.GetFullPath(sarif, options.Root);
            await AtomicFile.WriteAllTextAsync(sarifPath, SarifFormatter.Render(result.Findings, checks, Version), cancellationToken).ConfigureAwait(false);
        }

        if (options.ReportPath is { } report)
        {
            var body = new ValidateWorkflowsReport(result.Files, result.Errors, result.Warnings, result.Findings);
            await JsonReportWriter.WriteAsync(Path.GetFullPath(report, options.Root), body, ValidateWorkflowsJson.Report, core.Masker, cancellationToken).ConfigureAwait(false);
        }

        // Outside a run, outputs and the summary would be printed on stdout and spoil --format json/sarif.
        if (core.IsActions)
        {
            WriteSummary(core.Summary, result);
            await core.WriteSummaryAsync(cancellationToken).ConfigureAwait(false);
            await core.SetOutputsAsync(new ValidateWorkflowsOutputs(result.Errors, result.Warnings, result.Files, sarifPath), cancellationToken).ConfigureAwait(false);
        }

        var failed = result.Errors > 0 || (options.FailOnWarning && result.Warnings > 0);
        return failed ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static LintConfig LoadConfig(ActionInputs inputs, string root)
    {
        var given = inputs.GetOptionalInput("config");
        var path = Path.GetFullPath(given ?? DefaultConfigPath, root);
        if (given is null && !File.Exists(path))
        {
            return LintConfig.Empty;
        }

        if (!File.Exists(path))
        {
            throw inputs.Invalid("config", given!, "an existing config file");
        }

        try
        {
            return ConfigLoader.Load(path, EngineChecks.Catalog(RuleSet.All()).Select(c => c.Id).ToHashSet(StringComparer.Ordinal), root);
        }
        catch (FormatException e)
        {
            throw inputs.Invalid("config", given ?? DefaultConfigPath, "a valid config file (" + e.Message + ")");
        }
    }

    private static string Totals(LintResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Files} file(s) linted: {result.Errors} error(s), {result.Warnings} warning(s)");

    private static void WriteSummary(Summary summary, LintResult result)
    {
        summary.AddHeading("Workflow lint");
        summary.AddParagraph(Totals(result));
        if (result.Findings.Count == 0)
        {
            return;
        }

        const int Shown = 100;
        summary.AddTable(
            ["Severity", "Location", "Rule", "Message"],
            result.Findings.Take(Shown).Select(f => (IReadOnlyList<string>)
            [
                f.Severity == Severity.Error ? "error" : "warning",
                string.Create(CultureInfo.InvariantCulture, $"{f.File}:{f.Line}:{f.Column}"),
                f.Rule,
                f.Message,
            ]));
        if (result.Findings.Count > Shown)
        {
            summary.AddParagraph($"… and {result.Findings.Count - Shown} more (see the annotations or the JSON report).");
        }
    }
}
