using Tailpaste.ValidateWorkflows.Expressions;

namespace Tailpaste.ValidateWorkflows.Tests;

public class ExpressionParserTests
{
    [Fact]
    public void Precedence_puts_and_below_or_and_comparison_below_and()
    {
        var tree = ExpressionParser.Parse("a == 1 && b || !c");

        var or = Assert.IsType<BinaryNode>(tree);
        Assert.Equal("||", or.Operator);
        var and = Assert.IsType<BinaryNode>(or.Left);
        Assert.Equal("&&", and.Operator);
        Assert.Equal("==", Assert.IsType<BinaryNode>(and.Left).Operator);
        Assert.IsType<NotNode>(or.Right);
    }

    [Fact]
    public void Property_chains_with_index_and_filters_become_paths()
    {
        var tree = ExpressionParser.Parse("github.event.commits[0]['author'].*.name");

        var path = PropertyPath.Of(tree)!;
        Assert.Equal(["github", "event", "commits", "*", "author", "*", "name"], path.Segments);
    }

    [Fact]
    public void Calls_collect_their_arguments()
    {
        var call = Assert.IsType<CallNode>(ExpressionParser.Parse("format('{0} {1}', github.sha, 'it''s')"));

        Assert.Equal(3, call.Arguments.Count);
        Assert.Equal("it's", Assert.IsType<LiteralNode>(call.Arguments[2]).Value);
    }

    [Theory]
    [InlineData("a ==", 4)]
    [InlineData("a.", 2)]
    [InlineData("(a", 2)]
    [InlineData("'open", 0)]
    [InlineData("a b", 2)]
    [InlineData("f(1,", 4)]
    public void Syntax_errors_carry_the_offset(string text, int offset)
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(text));

        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Absurd_nesting_is_a_syntax_error_not_a_stack_overflow()
    {
        var text = new string('(', 10_000) + "1" + new string(')', 10_000);

        Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(text));
    }
}
