using Tailpaste.Shared.Actions;

namespace Tailpaste.TestKit.Runner;

/// <summary>
/// The <c>INPUT_&lt;NAME&gt;</c> variables the runner sets for a step: every input action.yml declares, with the
/// workflow's value when it gave one, else the declared default, else "" (the runner never leaves one unset).
/// </summary>
public static class RunnerInputs
{
    public static Dictionary<string, string> For(ActionManifest manifest, IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(given);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in manifest.Inputs)
        {
            variables[InputValues.VariableName(input.Name)] = input.Default ?? string.Empty;
        }

        foreach (var (name, value) in given)
        {
            variables[InputValues.VariableName(name)] = value;
        }

        return variables;
    }
}
