using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Rules;
using Tailpaste.ValidateWorkflows.Sources;

namespace Tailpaste.Pipeline.Tests;

/// <summary>validate-workflows, in-process with every rule and the repository's own config: nothing to say about the pipeline.</summary>
public class OwnLinterTests
{
    [Fact]
    public void All_seven_workflows_of_the_pipeline_exist()
    {
        var missing = WorkflowFiles.Expected.Except(WorkflowFiles.Names(), StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "missing workflows: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles.All), MemberType = typeof(WorkflowFiles))]
    public void Validate_workflows_reports_zero_findings_errors_and_warnings_alike(string workflow)
    {
        var findings = Lint(WorkflowFiles.Source(workflow));

        Assert.True(findings.Count == 0, string.Join('\n', findings.Select(f => $"{f.File}:{f.Line}:{f.Column}: {f.Message} [{f.Rule}]")));
    }

    [Fact]
    public void The_same_lint_reports_a_deploy_without_a_backup_before_it()
    {
        // The pipeline's own rule, proving the lint above looks at what the workflows do.
        var text = File.ReadAllText(WorkflowFiles.PathOf("deploy.yml")).Replace("mode: backup", "mode: list", StringComparison.Ordinal);

        var findings = Lint(new(".github/workflows/deploy.yml", WorkflowFiles.PathOf("deploy.yml"), text));

        Assert.Contains(findings, f => f.Rule == "deploy-after-backup");
    }

    private static IReadOnlyList<Finding> Lint(Tailpaste.ValidateWorkflows.Model.SourceFile file)
    {
        var rules = RuleSet.All();
        var config = ConfigLoader.Load(RepositoryRoot.Combine(".github", "validate-workflows.yml"), rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
        return new Linter(rules, config, new LocalRepository(RepositoryRoot.Path)).LintText(file);
    }
}
