using System.Globalization;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Deploy;

/// <summary>The one input shape deploy reads that no other action does: a duration with a lower and an upper bound, named in the message.</summary>
internal static class DeployInputs
{
    public static TimeSpan GetDurationInput(this ActionInputs inputs, string name, TimeSpan min, TimeSpan max)
    {
        var value = inputs.GetInput(name, required: true);
        return DurationParser.TryParse(value, out var duration) && duration >= min && duration <= max
            ? duration
            : throw inputs.Invalid(name, value, string.Create(CultureInfo.InvariantCulture, $"{DurationParser.Expected}, from {Describe(min)} to {Describe(max)}"));
    }

    private static string Describe(TimeSpan span) => span == TimeSpan.Zero ? "0s"
        : span.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0}d")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0}h")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0}m")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s");
}
