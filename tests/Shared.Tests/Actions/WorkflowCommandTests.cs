using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class WorkflowCommandTests
{
    [Theory]
    [InlineData("100%", "100%25")]
    [InlineData("a\rb", "a%0Db")]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("%0A literal", "%250A literal")]
    [InlineData("keeps: and, as is", "keeps: and, as is")]
    public void Escape_data_escapes_percent_carriage_return_and_line_feed(string raw, string escaped) =>
        Assert.Equal(escaped, WorkflowCommand.EscapeData(raw));

    [Theory]
    [InlineData("a:b", "a%3Ab")]
    [InlineData("a,b", "a%2Cb")]
    [InlineData("50%\r\n:,", "50%25%0D%0A%3A%2C")]
    public void Escape_property_also_escapes_colon_and_comma(string raw, string escaped) =>
        Assert.Equal(escaped, WorkflowCommand.EscapeProperty(raw));

    [Fact]
    public void Annotation_carries_file_line_column_and_title()
    {
        var line = WorkflowCommand.Format(
            "error",
            WorkflowCommand.Properties(new AnnotationProperties("dir/a,b.yml", 12, 5, Title: "Rule: x")),
            "bad value 100%\nsecond line");

        Assert.Equal("::error file=dir/a%2Cb.yml,line=12,col=5,title=Rule%3A x::bad value 100%25%0Asecond line", line);
    }

    [Fact]
    public void Command_without_properties_has_no_space() =>
        Assert.Equal("::group::Checks", WorkflowCommand.Format("group", null, "Checks"));
}
