using Tailpaste.ValidateWorkflows.Expressions;

namespace Tailpaste.Pipeline.Tests;

/// <summary>validate-workflows' evaluator gives the runner's answers for the expressions the workflows use.</summary>
public class ExpressionEvaluatorTests
{
    private static readonly ExpressionEvaluator _evaluator = new(new Dictionary<string, object?>
    {
        ["inputs"] = new Dictionary<string, object?> { ["environment"] = "production", ["rollback"] = false, ["image"] = "" },
        ["vars"] = new Dictionary<string, object?> { ["TAILPASTE_IMAGE"] = "app" },
        ["github"] = new Dictionary<string, object?>
        {
            ["event_name"] = "workflow_run",
            ["sha"] = "abc",
            ["event"] = new Dictionary<string, object?> { ["workflow_run"] = new Dictionary<string, object?> { ["conclusion"] = "success", ["head_sha"] = "def" } },
        },
        ["steps"] = new Dictionary<string, object?> { ["health"] = new Dictionary<string, object?> { ["outputs"] = new Dictionary<string, object?> { ["status"] = "healthy" } } },
    });

    [Theory]
    [InlineData("inputs.environment || 'staging'", "production")]
    [InlineData("inputs.missing || 'staging'", "staging")]
    [InlineData("inputs.image || format('{0}:sha-{1}', vars.TAILPASTE_IMAGE || 'tailpaste-app', github.event.workflow_run.head_sha || github.sha)", "app:sha-def")]
    [InlineData("vars.NOT_SET != '' && 'a' || 'b'", "b")]
    [InlineData("STEPS.Health.Outputs.STATUS", "healthy")]
    [InlineData("steps.health.outputs.status == 'HEALTHY'", "true")]
    [InlineData("!inputs.rollback && (github.event_name != 'workflow_run' || github.event.workflow_run.conclusion == 'success')", "true")]
    [InlineData("contains(fromJSON('[\"a\",\"b\"]'), 'B')", "true")]
    [InlineData("format('{{{0}}}', 1)", "{1}")]
    [InlineData("1 == '1.0' && null == 0 && true == 1", "true")]
    [InlineData("toJSON(inputs.rollback)", "false")]
    [InlineData("join(github.event.*.conclusion, ';')", "success")]
    public void Evaluates_like_the_runner(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionEvaluator.ToText(_evaluator.Evaluate(expression)));
    }

    [Fact]
    public void Interpolation_splices_text_and_keeps_a_lone_expression_typed()
    {
        Assert.Equal("deploy-production", _evaluator.Interpolate("deploy-${{ inputs.environment }}"));
        Assert.Equal(false, _evaluator.Interpolate("${{ inputs.rollback }}"));
        Assert.Equal("plain", _evaluator.Interpolate("plain"));
    }

    [Fact]
    public void A_condition_without_a_status_function_also_needs_success()
    {
        var failed = new ExpressionEvaluator(new Dictionary<string, object?>(), name => name is "failure" or "always");

        Assert.False(failed.EvaluateCondition("true"));
        Assert.False(failed.EvaluateCondition(null));
        Assert.True(failed.EvaluateCondition("${{ always() }}"));
        Assert.True(failed.EvaluateCondition("failure()"));
        Assert.True(new ExpressionEvaluator(new Dictionary<string, object?>()).EvaluateCondition(null));
    }
}
