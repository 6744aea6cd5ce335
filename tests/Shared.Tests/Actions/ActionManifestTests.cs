using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class ActionManifestTests
{
    [Fact]
    public void Parse_reads_inputs_outputs_defaults_required_and_secrets()
    {
        var manifest = TestManifest.Manifest;

        Assert.Equal("Sample action", manifest.Name);
        Assert.Equal(7, manifest.Inputs.Count);
        Assert.Equal(new ActionInput("attempts", "How many requests to make.", "3", false, false), manifest.FindInput("ATTEMPTS"));
        Assert.True(manifest.FindInput("upload-token")!.IsSecret);
        Assert.Equal("environment=testing\nmanaged-by=ci\n", manifest.FindInput("labels")!.Default);
        Assert.Equal(["status", "report-path", "p95-ms"], manifest.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Broken_yaml_is_a_format_error_with_a_position()
    {
        var error = Assert.Throws<FormatException>(() => ActionManifest.Parse("name: x\ninputs: [unclosed", "x/action.yml"));
        Assert.StartsWith("x/action.yml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_names_are_kebab_case_of_the_properties()
    {
        Assert.Equal("report-path", OutputValues.ToKebabCase("ReportPath"));
        Assert.Equal("p95-ms", OutputValues.ToKebabCase("P95Ms"));
        Assert.Equal("removed-containers", OutputValues.ToKebabCase("RemovedContainers"));
        Assert.Equal("is-prerelease", OutputValues.ToKebabCase("IsPrerelease"));
    }
}
