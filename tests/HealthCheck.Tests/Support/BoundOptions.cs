using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>Options as the action binds them from inputs (action.yml's defaults for the rest) and variables, without a run.</summary>
internal static class BoundOptions
{
    public static HealthCheckOptions From(IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string>? environment = null)
    {
        var manifest = HealthCheckAction.Definition.Manifest;
        var values = InputValues.Gather(manifest, new Dictionary<string, string>(), inputs);
        return HealthCheckBinder.Bind(new ActionInputs(manifest, values), RunnerEnvironment.FromVariables(environment ?? new Dictionary<string, string>()));
    }
}
