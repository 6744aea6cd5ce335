namespace Tailpaste.Shared.Probes.Slo;

/// <summary>The comparison a threshold makes between the observed value and its bound: <c>observed OP bound</c> must hold.</summary>
public enum ThresholdOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}
