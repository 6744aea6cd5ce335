using System.Text;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class SummaryTests
{
    [Fact]
    public void Blocks_render_as_markdown()
    {
        var text = new Summary()
            .AddHeading("Result", 1)
            .AddTable(["a", "b"], [["1", "two\nlines"]])
            .AddDetails("Log <tail>", "line")
            .AddCodeBlock("has ``` inside", "text")
            .AddList(["x", "y"])
            .Render().Markdown;

        Assert.Equal(
            "# Result\n\n" +
            "| a | b |\n| --- | --- |\n| 1 | two<br>lines |\n\n" +
            "<details><summary>Log &lt;tail&gt;</summary>\n\nline\n\n</details>\n\n" +
            "````text\nhas ``` inside\n````\n\n" +
            "- x\n- y\n",
            text);
    }

    [Fact]
    public void Summary_under_the_limit_is_not_truncated()
    {
        var text = new Summary().AddParagraph("small").Render(100);
        Assert.False(text.Truncated);
        Assert.Equal("small\n", text.Markdown);
    }

    [Fact]
    public void Summary_over_the_limit_keeps_whole_blocks_and_says_so()
    {
        var summary = new Summary();
        for (var i = 0; i < 100; i++)
        {
            summary.AddParagraph($"block {i:D3} " + new string('é', 40));
        }

        var text = summary.Render(2000);

        Assert.True(text.Truncated);
        Assert.True(Encoding.UTF8.GetByteCount(text.Markdown) <= 2000);
        Assert.Contains("block 000", text.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("block 099", text.Markdown, StringComparison.Ordinal);
        Assert.Contains($"of {text.FullLengthBytes} bytes shown", text.Markdown, StringComparison.Ordinal);
        // No block is cut in half.
        Assert.All(text.Markdown.Split('\n').Where(l => l.StartsWith("block", StringComparison.Ordinal)), l => Assert.EndsWith(new string('é', 40), l, StringComparison.Ordinal));
    }
}
