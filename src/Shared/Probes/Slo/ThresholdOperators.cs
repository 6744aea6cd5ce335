namespace Tailpaste.Shared.Probes.Slo;

/// <summary>The text and the test of each <see cref="ThresholdOperator"/>.</summary>
public static class ThresholdOperators
{
    public static string Symbol(this ThresholdOperator comparison) => comparison switch
    {
        ThresholdOperator.Less => "<",
        ThresholdOperator.LessOrEqual => "<=",
        ThresholdOperator.Greater => ">",
        ThresholdOperator.GreaterOrEqual => ">=",
        ThresholdOperator.Equal => "==",
        ThresholdOperator.NotEqual => "!=",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };

    /// <summary>True when <c>observed OP bound</c> holds.</summary>
    public static bool Holds(this ThresholdOperator comparison, double observed, double bound) => comparison switch
    {
        ThresholdOperator.Less => observed < bound,
        ThresholdOperator.LessOrEqual => observed <= bound,
        ThresholdOperator.Greater => observed > bound,
        ThresholdOperator.GreaterOrEqual => observed >= bound,
        ThresholdOperator.Equal => observed == bound,
        ThresholdOperator.NotEqual => observed != bound,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };
}
