using Tailpaste.HealthCheck.Configuration;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>The <c>checks</c> input (plus tailscale when the config file asks for it), each once, in the catalogue's order.</summary>
public static class CheckSelection
{
    public static IReadOnlyList<string> Bind(ActionInputs inputs, HealthCheckConfigFile config)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(config);
        var names = inputs.GetListInput("checks");
        if (names.Count == 0)
        {
            throw inputs.Invalid("checks", inputs.GetInput("checks"), $"one or more of {string.Join(", ", CheckNames.All)}");
        }

        var checks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            checks.Add(CheckNames.All.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw inputs.Invalid("checks", inputs.GetInput("checks"), $"check names from {string.Join(", ", CheckNames.All)}; '{name}' is not one"));
        }

        if (config.TailscaleCheck == true)
        {
            checks.Add(CheckNames.Tailscale);
        }

        // Report in the catalogue's order whatever order they were written in.
        return CheckNames.All.Where(checks.Contains).ToList();
    }
}
