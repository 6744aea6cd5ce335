using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Shared.Tests.Docker;

public sealed class LabelSelectorTests
{
    [Theory]
    [InlineData("app=tailpaste,env=staging")]
    [InlineData(" app = tailpaste , env=staging ")]
    [InlineData("app=tailpaste\nenv=staging\n")]
    [InlineData("app=tailpaste\r\n\r\nenv=staging")]
    [InlineData("app=tailpaste,\nenv=staging,")]
    [InlineData("env=staging,app=tailpaste,app=tailpaste")]
    public void Parse_commas_or_lines_give_the_same_pairs(string text)
    {
        var selector = LabelSelector.Parse(text);

        Assert.Equal(2, selector.Labels.Count);
        Assert.Equal("tailpaste", selector.Labels["app"]);
        Assert.Equal("staging", selector.Labels["env"]);
        Assert.Equal("app=tailpaste,env=staging", selector.ToString());
    }

    [Fact]
    public void Parse_keeps_dotted_and_slashed_keys_and_values_with_spaces()
    {
        var selector = LabelSelector.Parse("com.tailpaste.role=paste service\nexample.org/tier=web-1");

        Assert.Equal("paste service", selector.Labels["com.tailpaste.role"]);
        Assert.Equal("web-1", selector.Labels["example.org/tier"]);
    }

    [Theory]
    [InlineData(null, "one or more key=value labels")]
    [InlineData("", "one or more key=value labels")]
    [InlineData(" ,\n, ", "one or more key=value labels")]
    [InlineData("=x", "'=x' has an empty key")]
    [InlineData(" =x", "'=x' has an empty key")]
    [InlineData("a==b", "'a==b' has more than one '='")]
    [InlineData("a=b=c", "'a=b=c' has more than one '='")]
    [InlineData("a=", "'a=' has an empty value")]
    [InlineData("app=tailpaste,env", "'env' has no '='")]
    [InlineData("my key=1", "'my key=1' has a key with characters other than")]
    [InlineData("-app=1", "'-app=1' has a key with characters other than")]
    [InlineData("env=staging\nenv=production", "the key 'env' is given twice with different values ('staging' and 'production')")]
    public void Parse_bad_text_names_the_input_the_value_and_the_problem(string? text, string problem)
    {
        var error = Assert.Throws<InputException>(() => LabelSelector.Parse(text, "selector"));

        Assert.Equal("selector", error.Input);
        Assert.Equal(text, error.Value);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("key=value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_when_every_pair_is_carried_ignoring_extra_labels()
    {
        var selector = LabelSelector.Parse("app=tailpaste,env=staging");

        Assert.True(selector.Matches(new Dictionary<string, string> { ["app"] = "tailpaste", ["env"] = "staging", ["other"] = "x" }));
    }

    [Theory]
    [InlineData("app=tailpaste")]
    [InlineData("app=tailpaste,env=production")]
    [InlineData("app=Tailpaste,env=staging")]
    [InlineData("App=tailpaste,env=staging")]
    [InlineData("app=tailpaste ,env=staging x")]
    public void Matches_is_false_when_a_pair_is_missing_or_differs(string carried)
    {
        var selector = LabelSelector.Parse("app=tailpaste,env=staging");
        var labels = carried.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        Assert.False(selector.Matches(labels));
    }

    [Fact]
    public void Matches_is_false_for_a_resource_without_labels()
    {
        var selector = LabelSelector.Parse("app=tailpaste");

        Assert.False(selector.Matches(null));
        Assert.False(selector.Matches(new Dictionary<string, string>()));
    }

    [Fact]
    public void To_docker_filters_is_one_label_filter_per_pair()
    {
        var filters = LabelSelector.Parse("app=tailpaste,env=staging").ToDockerFilters();

        var label = Assert.Single(filters);
        Assert.Equal("label", label.Key);
        Assert.Equal(["app=tailpaste", "env=staging"], label.Value.Keys.Order(StringComparer.Ordinal));
        Assert.All(label.Value.Values, Assert.True);
    }
}
