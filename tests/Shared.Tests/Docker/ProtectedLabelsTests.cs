using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Shared.Tests.Docker;

public sealed class ProtectedLabelsTests
{
    private static Dictionary<string, string> Carried(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [Fact]
    public void Parse_adds_to_environment_production_which_is_always_protected()
    {
        var protect = ProtectedLabels.Parse("rt-keep=true");

        Assert.Equal("environment=production,rt-keep=true", protect.ToString());
        Assert.True(protect.Protects(Carried("environment=production")));
        Assert.True(protect.Protects(Carried("rt-keep=true")));
        Assert.Equal("environment=production", ProtectedLabels.Default.ToString());
    }

    [Fact]
    public void Parse_accepts_one_key_with_several_values_any_of_which_protects()
    {
        var protect = ProtectedLabels.Parse("environment=production,environment=staging");

        Assert.Equal("environment=production,environment=staging", protect.ToString());
        Assert.True(protect.Protects(Carried("environment=staging")));
        Assert.True(protect.Protects(Carried("environment=production")));
        Assert.False(protect.Protects(Carried("environment=testing")));
    }

    [Theory]
    [InlineData("Environment=production")]
    [InlineData("environment=Production")]
    [InlineData("ENVIRONMENT=PRODUCTION")]
    [InlineData("environment= production ")]
    [InlineData(" environment =production")]
    [InlineData("\tenvironment\t=\tproduction\n")]
    public void Matching_errs_on_the_safe_side_case_and_surrounding_whitespace_do_not_matter(string carried)
    {
        var separator = carried.IndexOf('=', StringComparison.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "x", [carried[..separator]] = carried[(separator + 1)..] };

        Assert.Equal(carried, ProtectedLabels.Default.FirstCarriedBy(labels));
        Assert.Equal(carried, ProtectedLabels.Parse("keep=true").FirstCarriedBy(labels));
    }

    [Fact]
    public void Matching_applies_to_the_given_pairs_too()
    {
        var protect = ProtectedLabels.Parse(" Keep = Yes ");

        Assert.True(protect.Protects(Carried("keep=yes")));
        Assert.True(protect.Protects(Carried("KEEP=YES")));
        Assert.False(protect.Protects(Carried("keep=no")));
        Assert.False(protect.Protects(Carried("keeper=yes")));
    }

    [Theory]
    [InlineData("environment=productions")]
    [InlineData("environments=production")]
    [InlineData("env=production")]
    [InlineData("environment=pro duction")]
    public void Matching_is_not_a_prefix_or_substring_match(string carried)
    {
        Assert.Null(ProtectedLabels.Default.FirstCarriedBy(Carried(carried)));
    }

    [Fact]
    public void First_carried_by_is_null_for_a_resource_without_labels()
    {
        Assert.Null(ProtectedLabels.Default.FirstCarriedBy(null));
        Assert.Null(ProtectedLabels.Default.FirstCarriedBy(new Dictionary<string, string>()));
    }

    [Fact]
    public void Parse_gives_each_pair_once_in_the_order_written_after_the_always_protected_one()
    {
        var protect = ProtectedLabels.Parse("keep=true\nEnvironment=Production, KEEP=TRUE ,team=b");

        Assert.Equal("environment=production,keep=true,team=b", protect.ToString());
        Assert.Equal(3, protect.Pairs.Count);
    }

    [Theory]
    [InlineData(null, "any of which protects a resource")]
    [InlineData("", "any of which protects a resource")]
    [InlineData(" ,\n, ", "any of which protects a resource")]
    [InlineData("environment", "'environment' has no '='")]
    [InlineData("keep=", "'keep=' has an empty value")]
    [InlineData("=true", "'=true' has an empty key")]
    [InlineData("a=b=c", "'a=b=c' has more than one '='")]
    public void Parse_bad_text_names_the_input_the_value_and_the_problem(string? text, string problem)
    {
        var error = Assert.Throws<InputException>(() => ProtectedLabels.Parse(text, "protect-labels"));

        Assert.Equal("protect-labels", error.Input);
        Assert.Equal(text, error.Value);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("key=value", error.Message, StringComparison.Ordinal);
    }
}
