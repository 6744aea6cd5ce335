using System.Globalization;
using System.Text;
using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Rules;
using Tailpaste.ValidateWorkflows.Sources;

namespace Tailpaste.ValidateWorkflows.Tests;

/// <summary>
/// Workflows in the style of actionlint's own test corpus: every file under testdata/ok gets no finding, and
/// every file under testdata/err gets exactly the findings its golden .out lists (<c>file:line:col: message
/// [rule]</c>, compared whole, so a missing or an extra finding fails). The general rules only: the pipeline
/// rules are this project's conventions. Run with UPDATE_GOLDEN=1 to rewrite the .out files after a reviewed change.
/// </summary>
public class TestdataTests
{
    private static readonly string _root = RepositoryRoot.Combine("tests", "ValidateWorkflows.Tests", "testdata");

    private static readonly LintConfig _config = new()
    {
        DisabledRules = new HashSet<string>(["pinned-actions", "permissions-declared", "docker-labels", "docker-cleanup-always", "deploy-after-backup"], StringComparer.Ordinal),
        RunnerLabels = new HashSet<string>(["tailpaste-runner"], StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>The valid workflows, and the local reusable workflows and actions they call (valid too).</summary>
    public static TheoryData<string> OkFiles()
    {
        var data = Files("ok");
        foreach (var file in Files(".github/workflows"))
        {
            data.Add(file);
        }

        foreach (var action in Directory.EnumerateFiles(Path.Combine(_root, ".github", "actions"), "action.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(_root, action).Replace('\\', '/'));
        }

        return data;
    }

    public static TheoryData<string> ErrFiles() => Files("err");

    [Theory]
    [MemberData(nameof(OkFiles))]
    public void Valid_workflow_gets_no_finding(string file)
    {
        var findings = Lint(file);

        Assert.True(findings.Length == 0, $"findings on a valid workflow:\n{findings}");
    }

    [Theory]
    [MemberData(nameof(ErrFiles))]
    public void Broken_workflow_gets_exactly_the_golden_findings(string file)
    {
        var actual = Lint(file);
        var golden = Path.ChangeExtension(Path.Combine(_root, file), ".out");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
            return;
        }

        Assert.True(File.Exists(golden), $"{file} has no golden file; run with UPDATE_GOLDEN=1 and review it");
        var expected = File.ReadAllText(golden).ReplaceLineEndings("\n");
        Assert.True(expected.Length > 0, $"{file} is under err/ but its golden file lists no finding");
        Assert.Equal(expected, actual);
    }

    private static string Lint(string file)
    {
        var linter = new Linter(RuleSet.All(), _config, new LocalRepository(_root));
        var text = new StringBuilder();
        foreach (var f in linter.LintFile(Path.Combine(_root, file)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{f.File}:{f.Line}:{f.Column}: {f.Message} [{f.Rule}]\n");
        }

        return text.ToString();
    }

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(_root, folder)).Where(p => p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(folder + "/" + Path.GetFileName(path));
        }

        return data;
    }
}
