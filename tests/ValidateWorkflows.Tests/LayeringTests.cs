using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests;

/// <summary>
/// The folders depend one way: Yaml ← Model ← Sources/Configuration/Expressions ← Rules ← Engine ← the action.
/// Rules are rules; what the loader and the linter report themselves lives in Engine, and the config decides
/// about every finding the same way.
/// </summary>
public class LayeringTests
{
    [Theory]
    [InlineData("Rules")]
    [InlineData("Expressions")]
    [InlineData("Model")]
    [InlineData("Sources")]
    [InlineData("Configuration")]
    [InlineData("Yaml")]
    public void Lower_folders_never_name_the_engine(string folder)
    {
        var files = Directory.GetFiles(RepositoryRoot.Combine("actions", "validate-workflows", folder), "*.cs");
        Assert.NotEmpty(files);

        var offenders = files.Where(f => File.ReadAllText(f).Contains("ValidateWorkflows.Engine", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();

        Assert.True(offenders.Count == 0, $"{folder}/ depends on Engine: {string.Join(", ", offenders)}");
    }

    [Theory]
    [InlineData("", "missing-key")]
    [InlineData("just text\n", "value-type")]
    public void Disabling_the_rule_of_an_empty_or_shapeless_file_silences_it(string yaml, string rule)
    {
        var config = new LintConfig { DisabledRules = new HashSet<string>(StringComparer.Ordinal) { rule } };

        Assert.Equal(rule, Assert.Single(TempRepository.LintWorkflow(yaml)).Rule);
        Assert.Empty(TempRepository.LintWorkflow(yaml, config));
    }
}
