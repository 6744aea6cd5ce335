using Tailpaste.HealthCheck.Configuration;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>The service check's settings: how many GETs of the service URL, and the average time they must stay under.</summary>
public sealed record ServiceCheckOptions(int Attempts, double MaxResponseTimeMs)
{
    /// <summary>attempts, and max-response-time-ms (else the config file's, else the documented default).</summary>
    public static ServiceCheckOptions Bind(ActionInputs inputs, HealthCheckConfigFile config)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(config);
        var attempts = inputs.GetIntInput("attempts", 1, 100);
        return new ServiceCheckOptions(attempts, ConfigLayers.Number(inputs, "max-response-time-ms", config.MaxResponseTimeMs));
    }
}
