using System.Globalization;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>The disk check's settings: the used share of a file system above which it warns, and above which it fails.</summary>
public sealed record DiskCheckOptions(double WarnPercent, double FailPercent)
{
    /// <summary>disk-warn-percent and disk-fail-percent, each 0 to 100, the warning no higher than the failure.</summary>
    public static DiskCheckOptions Bind(ActionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var warn = inputs.GetDoubleInput("disk-warn-percent", 0, 100);
        var fail = inputs.GetDoubleInput("disk-fail-percent", 0, 100);
        return warn > fail
            ? throw inputs.Invalid("disk-warn-percent", warn.ToString(CultureInfo.InvariantCulture), $"a share no higher than disk-fail-percent ({fail.ToString(CultureInfo.InvariantCulture)})")
            : new DiskCheckOptions(warn, fail);
    }
}
