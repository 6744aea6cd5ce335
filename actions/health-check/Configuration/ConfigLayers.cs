using System.Globalization;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Configuration;

/// <summary>
/// The seed's layering for a setting its config file knows: a given input, then the config file's key, then a
/// variable (TAILPASTE_URL, STORAGE_PATH), then the input's documented default in action.yml.
/// </summary>
public static class ConfigLayers
{
    /// <summary>The value, and where it came from (an input, a config key or a variable), for messages.</summary>
    public static (string Value, string Source) Pick(ActionInputs inputs, string name, HealthCheckConfigFile config, string key, string? fromConfig, string? fromVariable = null, string? variable = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(config);
        return inputs.GetOptionalInput(name) is { } given ? (given, name)
            : fromConfig is not null ? (fromConfig, $"config '{config.Path}' key {key}")
            : fromVariable is not null ? (fromVariable, variable!)
            : (inputs.DocumentedDefault(name), name);
    }

    /// <summary>A positive number: the input (at least 0.001), else the config file's, else the documented default.</summary>
    public static double Number(ActionInputs inputs, string name, double? fromConfig)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.GetOptionalInput(name) is null ? fromConfig ?? Documented(inputs, name) : inputs.GetDoubleInput(name, 0.001);
    }

    public static double Documented(ActionInputs inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return double.Parse(inputs.DocumentedDefault(name), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
