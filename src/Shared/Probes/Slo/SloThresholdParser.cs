using System.Globalization;

namespace Tailpaste.Shared.Probes.Slo;

/// <summary>
/// Reads thresholds written in k6's grammar — <c>p(95)&lt;500</c>, <c>p(99.9)&lt;=1200</c>, <c>avg&lt;200</c>,
/// <c>med&lt;100</c>, <c>max&lt;2000</c>, <c>rate&lt;0.01</c>, <c>count&gt;100</c> — with an optional k6 metric name
/// in front (<c>http_req_failed:count&lt;5</c>). Without a name, the aggregation picks the metric: latency
/// aggregations mean <c>http_req_duration</c> (ms), <c>rate</c> means <c>http_req_failed</c> (share 0..1) and
/// <c>count</c> means <c>http_reqs</c>.
/// </summary>
public static class SloThresholdParser
{
    /// <summary>The accepted grammar, quoted in every parse error.</summary>
    public const string Grammar =
        "Expected [metric:]aggregation operator value, where aggregation is p(N) with 0 <= N <= 100, avg, med, min or max "
        + "(latency in ms), rate or count; operator is <, <=, >, >=, == or !=; value is a plain decimal number; "
        + "metric is http_req_duration, http_req_failed or http_reqs. "
        + "Examples: p(95)<500, p(99.9)<=1200, avg<200, rate<0.01, count>100, http_req_failed:count<5, http_reqs:rate>50.";

    private static readonly string[] _operators = ["===", "==", "!=", "<=", ">=", "<", ">"];

    /// <summary>Parses one threshold or throws <see cref="SloThresholdFormatException"/>.</summary>
    public static SloThreshold Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan().Trim();
        if (rest.IsEmpty)
        {
            throw new SloThresholdFormatException(text, "it is empty");
        }

        SloMetric? named = null;
        var colon = rest.IndexOf(':');
        if (colon >= 0)
        {
            var name = rest[..colon].Trim().ToString();
            if (!SloMetricNames.TryParse(name, out var metric))
            {
                throw new SloThresholdFormatException(text, $"\"{name}\" is not a metric this probe measures");
            }

            named = metric;
            rest = rest[(colon + 1)..].TrimStart();
        }

        var (aggregation, percentile) = ReadAggregation(text, ref rest);
        rest = rest.TrimStart();
        var comparison = ReadOperator(text, ref rest);
        rest = rest.TrimStart();
        var bound = ReadNumber(text, rest, "value");

        var metricOf = named ?? ImpliedMetric(aggregation);
        if (!Accepts(metricOf, aggregation))
        {
            throw new SloThresholdFormatException(text, $"{SloMetricNames.Of(metricOf)} has no {aggregation.ToString().ToLowerInvariant()} aggregation ({Allowed(metricOf)})");
        }

        return new SloThreshold(metricOf, aggregation, percentile, comparison, bound);
    }

    /// <summary>Parses each non-blank line of <paramref name="lines"/>; the first bad one throws.</summary>
    public static IReadOnlyList<SloThreshold> ParseAll(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Where(line => !string.IsNullOrWhiteSpace(line)).Select(Parse)];
    }

    /// <summary>The metric a bare aggregation refers to, as in the examples (<c>rate&lt;0.01</c> is the error rate).</summary>
    public static SloMetric ImpliedMetric(SloAggregation aggregation) => aggregation switch
    {
        SloAggregation.Rate => SloMetric.RequestFailed,
        SloAggregation.Count => SloMetric.Requests,
        _ => SloMetric.RequestDuration,
    };

    private static bool Accepts(SloMetric metric, SloAggregation aggregation) => metric switch
    {
        SloMetric.RequestDuration => aggregation is not (SloAggregation.Rate or SloAggregation.Count),
        _ => aggregation is SloAggregation.Rate or SloAggregation.Count,
    };

    private static string Allowed(SloMetric metric) => metric == SloMetric.RequestDuration
        ? "it takes p(N), avg, med, min and max"
        : "it takes rate and count";

    private static (SloAggregation Aggregation, double? Percentile) ReadAggregation(string text, ref ReadOnlySpan<char> rest)
    {
        var length = 0;
        while (length < rest.Length && char.IsAsciiLetterLower(rest[length]))
        {
            length++;
        }

        var word = rest[..length].ToString();
        var after = rest[length..];
        if (word == "p" && after.StartsWith("("))
        {
            var close = after.IndexOf(')');
            if (close < 0)
            {
                throw new SloThresholdFormatException(text, "p( has no closing parenthesis");
            }

            var percentile = ReadNumber(text, after[1..close].Trim(), "percentile");
            if (percentile > 100)
            {
                throw new SloThresholdFormatException(text, $"the percentile {percentile.ToString(CultureInfo.InvariantCulture)} is above 100");
            }

            rest = after[(close + 1)..];
            return (SloAggregation.Percentile, percentile);
        }

        SloAggregation? aggregation = word switch
        {
            "avg" => SloAggregation.Average,
            "med" => SloAggregation.Median,
            "min" => SloAggregation.Minimum,
            "max" => SloAggregation.Maximum,
            "rate" => SloAggregation.Rate,
            "count" => SloAggregation.Count,
            _ => null,
        };
        if (aggregation is null)
        {
            var reason = word == "p" && after.Length > 0 && char.IsAsciiDigit(after[0])
                ? $"\"p{TakeNumberLike(after)}\" is not an aggregation: write a percentile as p({TakeNumberLike(after)})"
                : $"\"{(word.Length > 0 ? word : TakeWord(rest))}\" is not an aggregation";
            throw new SloThresholdFormatException(text, reason);
        }

        rest = after;
        return (aggregation.Value, null);
    }

    private static ThresholdOperator ReadOperator(string text, ref ReadOnlySpan<char> rest)
    {
        foreach (var symbol in _operators)
        {
            if (!rest.StartsWith(symbol, StringComparison.Ordinal))
            {
                continue;
            }

            var after = rest[symbol.Length..].TrimStart();
            if (after.Length > 0 && after[0] is '<' or '>' or '=' or '!')
            {
                throw new SloThresholdFormatException(text, "it has more than one operator");
            }

            rest = after;
            return symbol switch
            {
                "<" => ThresholdOperator.Less,
                "<=" => ThresholdOperator.LessOrEqual,
                ">" => ThresholdOperator.Greater,
                ">=" => ThresholdOperator.GreaterOrEqual,
                "!=" => ThresholdOperator.NotEqual,
                _ => ThresholdOperator.Equal, // k6 also takes JavaScript's ===.
            };
        }

        throw new SloThresholdFormatException(text, rest.IsEmpty ? "the operator and value are missing" : $"\"{TakeWord(rest)}\" is not an operator");
    }

    private static double ReadNumber(string text, ReadOnlySpan<char> digits, string what)
    {
        if (digits.IsEmpty)
        {
            throw new SloThresholdFormatException(text, $"the {what} is missing");
        }

        // Plain decimals only: no sign, exponent, unit or thousands separator, so "500ms" or "1e3" is an error, not a guess.
        var dot = digits.IndexOf('.');
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? [] : digits[(dot + 1)..];
        var plain = whole.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9')
            && (dot < 0 || (fraction.Length > 0 && !fraction.ContainsAnyExceptInRange('0', '9')));
        if (!plain || !double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new SloThresholdFormatException(text, $"the {what} \"{Shorten(digits.ToString())}\" is not a plain decimal number");
        }

        return value;
    }

    private static string TakeNumberLike(ReadOnlySpan<char> text)
    {
        var length = 0;
        while (length < text.Length && (char.IsAsciiDigit(text[length]) || text[length] == '.'))
        {
            length++;
        }

        return text[..length].ToString();
    }

    private static string TakeWord(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(" \t0123456789");
        return Shorten((end <= 0 ? text : text[..end]).ToString());
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : string.Concat(text.AsSpan(0, 20), "…");
}
