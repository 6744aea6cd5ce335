using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Rules;
using Tailpaste.ValidateWorkflows.Sources;

namespace Tailpaste.ValidateWorkflows.Tests;

/// <summary>
/// The benchmark corpus (bench/corpus, 240 real-world-shaped workflows) as a regression suite: the files
/// without a seeded mistake get no finding from the general rules, and every seeded mistake is found.
/// </summary>
public class CorpusTests
{
    private static readonly HashSet<string> _pipelineRules = new(StringComparer.Ordinal)
    {
        "pinned-actions", "permissions-declared", "docker-labels", "docker-cleanup-always", "deploy-after-backup",
    };

    [Fact]
    public void Clean_files_pass_the_general_rules_and_every_seeded_mistake_is_found()
    {
        var root = RepositoryRoot.Combine("bench", "corpus");
        var seeded = File.ReadAllLines(Path.Combine(root, "manifest.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .ToDictionary(parts => ".github/workflows/" + parts[0], parts => parts[2], StringComparer.Ordinal);
        Assert.True(seeded.Count >= 200, $"the corpus has {seeded.Count} files");
        var files = FileCollector.Collect(root, [".github/workflows"], LintConfig.Empty);

        var result = new Linter(RuleSet.All(), LintConfig.Empty, new LocalRepository(root)).Lint(files);

        Assert.Equal(seeded.Count, result.Files);
        var general = result.Findings.Where(f => !_pipelineRules.Contains(f.Rule)).ToList();
        var falseAlarms = general.Where(f => seeded[f.File].Length == 0).ToList();
        Assert.True(falseAlarms.Count == 0, "general-rule findings on files without a seeded mistake:\n" + string.Join("\n", falseAlarms.Select(f => $"{f.File}:{f.Line}:{f.Column} [{f.Rule}] {f.Message}")));
        var missed = seeded.Where(s => s.Value.Length > 0 && !general.Any(f => f.File == s.Key)).Select(s => $"{s.Key} ({s.Value})").ToList();
        Assert.True(missed.Count == 0, "seeded mistakes not found:\n" + string.Join("\n", missed));
        Assert.DoesNotContain(result.Findings, f => f.Rule == "internal-error");
    }
}
