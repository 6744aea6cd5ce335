using System.Globalization;
using Tailpaste.HealthCheck.Configuration;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>The logs check's settings: the container's last <see cref="Lines"/> lines, or <see cref="File"/> instead, and the error lines allowed.</summary>
public sealed record LogsCheckOptions(int Lines, string? File, int CriticalErrorThreshold)
{
    /// <summary>log-lines, log-file (a readable file, checked now) and critical-error-threshold (else the config file's, else the documented default).</summary>
    public static LogsCheckOptions Bind(ActionInputs inputs, HealthCheckConfigFile config)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(config);
        var file = inputs.GetOptionalInput("log-file");
        if (file is not null && InputFile.Problem(file) is { } problem)
        {
            throw inputs.Invalid("log-file", file, $"a log file (or a link to one), but {problem}");
        }

        var threshold = inputs.GetOptionalInput("critical-error-threshold") is not null
            ? inputs.GetIntInput("critical-error-threshold", 0)
            : config.CriticalErrorThreshold ?? int.Parse(inputs.DocumentedDefault("critical-error-threshold"), CultureInfo.InvariantCulture);
        return new LogsCheckOptions(inputs.GetIntInput("log-lines", 1, 1_000_000), file, threshold);
    }
}
