using System.Text.RegularExpressions;
using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Rules;
using Tailpaste.ValidateWorkflows.Sources;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests;

/// <summary>This repository's own workflows and actions are the first users of the linter: zero findings.</summary>
public partial class RepositoryLintTests
{
    [Fact]
    public void Every_workflow_and_action_yml_of_this_repository_passes_with_zero_findings()
    {
        var root = RepositoryRoot.Path;
        var config = RepositoryConfig();
        var files = FileCollector.Collect(root, [], config);

        var result = new Linter(RuleSet.All(), config, new LocalRepository(root)).Lint(files);

        // The actions of this repository, and the local actions the valid testdata workflows call (valid too).
        var expected = Directory.GetFiles(Path.Combine(root, ".github", "workflows")).Length
            + Directory.GetFiles(Path.Combine(root, "actions"), "action.yml", SearchOption.AllDirectories).Length
            + Directory.GetFiles(Path.Combine(root, "tests", "ValidateWorkflows.Tests", "testdata", ".github", "actions"), "action.yml", SearchOption.AllDirectories).Length;
        Assert.Equal(expected, result.Files);
        Assert.Contains(files.Files, f => f.EndsWith(Path.Combine(".github", "workflows", "ci.yml"), StringComparison.Ordinal));
        Assert.True(result.Findings.Count == 0, "findings in this repository:\n" + Expect.Describe(result.Findings));
    }

    [Fact]
    public void The_readme_example_workflow_passes_with_zero_findings()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("actions", "validate-workflows", "README.md"));
        var example = FirstYamlBlock().Match(readme).Groups["yaml"].Value;
        Assert.Contains("uses: ./actions/validate-workflows", example, StringComparison.Ordinal);

        var root = RepositoryRoot.Path;
        var findings = new Linter(RuleSet.All(), RepositoryConfig(), new LocalRepository(root))
            .LintText(new SourceFile(".github/workflows/lint.yml", Path.Combine(root, ".github", "workflows", "lint.yml"), example));

        Assert.True(findings.Count == 0, "findings in the README example:\n" + Expect.Describe(findings));
    }

    // The repository's own .github/validate-workflows.yml, as the action reads it by default.
    private static LintConfig RepositoryConfig() =>
        ConfigLoader.Load(RepositoryRoot.Combine(".github", "validate-workflows.yml"), RuleSet.All().Select(r => r.Id).ToHashSet(StringComparer.Ordinal));

    [GeneratedRegex("```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FirstYamlBlock();
}
