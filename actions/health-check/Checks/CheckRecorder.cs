namespace Tailpaste.HealthCheck.Checks;

/// <summary>What a check fills in while it runs; any error makes it fail.</summary>
public sealed class CheckRecorder
{
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, object?> _metrics = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Errors => _errors;

    public IReadOnlyList<string> Warnings => _warnings;

    public IReadOnlyDictionary<string, object?> Metrics => _metrics;

    public double? Value { get; private set; }

    public double? Threshold { get; private set; }

    public string? Unit { get; private set; }

    public string? Message { get; set; }

    public bool HasErrors => _errors.Count > 0;

    public void Error(string message) => _errors.Add(message);

    public void Warning(string message) => _warnings.Add(message);

    public void Metric(string name, object? value) => _metrics[name] = value;

    public void Measure(double? value, double? threshold, string unit)
    {
        Value = value is { } v ? Math.Round(v, 3) : null;
        Threshold = threshold;
        Unit = unit;
    }

    public CheckResult ToResult(string name, TimeSpan duration) => new()
    {
        Name = name,
        Status = HasErrors ? CheckStatus.Failed : CheckStatus.Passed,
        Message = HasErrors ? _errors[0] : Message ?? "ok",
        Value = Value,
        Threshold = Threshold,
        Unit = Unit,
        DurationMs = Math.Round(duration.TotalMilliseconds, 1),
        Errors = _errors.ToList(),
        Warnings = _warnings.ToList(),
        Metrics = new Dictionary<string, object?>(_metrics, StringComparer.Ordinal),
    };
}
