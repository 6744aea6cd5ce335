using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.Pipeline.Tests;

/// <summary>The pipeline's workflow files, as theory data and as parsed models.</summary>
public static class WorkflowFiles
{
    /// <summary>The seven workflows the pipeline is made of; a missing one fails the tests that list them.</summary>
    public static readonly IReadOnlyList<string> Expected =
        ["ci.yml", "integration-test.yml", "security.yml", "deploy.yml", "health-check.yml", "release.yml", "rollback.yml"];

    public static string Folder => RepositoryRoot.Combine(".github", "workflows");

    /// <summary>Every workflow file in .github/workflows, by file name.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names())
        {
            data.Add(name);
        }

        return data;
    }

    public static IReadOnlyList<string> Names() =>
        Directory.GetFiles(Folder).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static SourceFile Source(string name) =>
        new(".github/workflows/" + name, PathOf(name), File.ReadAllText(PathOf(name)));

    public static Workflow Parse(SourceFile file)
    {
        var document = YamlLoader.Load(file.Text);
        var root = document.Root as MappingNode
            ?? throw new InvalidOperationException($"{file.DisplayPath} is not a YAML mapping: {string.Join("; ", document.Problems.Select(p => p.Message))}");
        return new Workflow(file, root);
    }
}
