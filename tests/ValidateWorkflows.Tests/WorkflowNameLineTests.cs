using Tailpaste.ValidateWorkflows.Sources;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Tests;

/// <summary>The quick read of a workflow's name agrees with the YAML parser whenever it answers, and declines otherwise.</summary>
public class WorkflowNameLineTests
{
    [Theory]
    [InlineData("name: CI\non: push\n", "CI")]
    [InlineData("# comment\nname: Build and test # trailing\non: push\n", "Build and test")]
    [InlineData("on: push\nname: 'It''s late'\n", "It's late")]
    [InlineData("name: \"Deploy: prod\"\r\non: push\r\n", "Deploy: prod")]
    [InlineData("on: push\njobs:\n  a:\n    name: inner\n", null)]
    [InlineData("---\nname: After a document marker\n", "After a document marker")]
    [InlineData("name: ${{ github.ref }}\n", "${{ github.ref }}")]
    public void Common_names_are_read_as_the_parser_reads_them(string text, string? expected)
    {
        Assert.True(WorkflowNameLine.TryRead(text, out var name));
        Assert.Equal(expected, name);
        Assert.Equal(expected, (YamlLoader.Load(text).Root as MappingNode)?.GetScalar("name")?.Value);
    }

    [Theory]
    [InlineData("name:\n  continued\non: push\n")]
    [InlineData("name: first\n  second\non: push\n")]
    [InlineData("name: &n anchored\n")]
    [InlineData("name: |\n  block\n")]
    [InlineData("{name: flow, on: push}\n")]
    [InlineData("\"name\": quoted key\n")]
    [InlineData("name: \"escape \\t\"\n")]
    public void Unusual_forms_are_left_to_the_parser(string text)
    {
        Assert.False(WorkflowNameLine.TryRead(text, out _));
    }
}
