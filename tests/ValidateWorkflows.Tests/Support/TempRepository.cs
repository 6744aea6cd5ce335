using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Rules;
using Tailpaste.ValidateWorkflows.Sources;

namespace Tailpaste.ValidateWorkflows.Tests.Support;

/// <summary>A throwaway repository folder with the files a test writes, linted with every rule.</summary>
internal sealed class TempRepository : IDisposable
{
    public const string WorkflowPath = ".github/workflows/test.yml";

    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "validate-workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public IReadOnlyList<Finding> Lint(string relativePath, LintConfig? config = null) =>
        new Linter(RuleSet.All(), config ?? LintConfig.Empty, new LocalRepository(Root)).LintFile(Path.Combine(Root, relativePath));

    /// <summary>Lints one workflow in an otherwise empty repository.</summary>
    public static IReadOnlyList<Finding> LintWorkflow(string yaml, LintConfig? config = null)
    {
        using var repository = new TempRepository();
        repository.Write(WorkflowPath, yaml);
        return repository.Lint(WorkflowPath, config);
    }

    /// <summary>Lints one action.yml (under actions/sample/) in an otherwise empty repository.</summary>
    public static IReadOnlyList<Finding> LintAction(string yaml)
    {
        using var repository = new TempRepository();
        repository.Write("actions/sample/action.yml", yaml);
        return repository.Lint("actions/sample/action.yml");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
