namespace Tailpaste.Shared.Actions;

/// <summary>
/// Raw input values gathered from the three places they can come from, in this order of precedence:
/// command-line flags, <c>INPUT_&lt;NAME&gt;</c> variables (what the runner sets), action.yml defaults.
/// An empty value counts as "not given", as in the Actions toolkit.
/// </summary>
public static class InputValues
{
    /// <summary>The variable the runner sets for an input: upper-cased, spaces to '_', dashes kept.</summary>
    public static string VariableName(string inputName)
    {
        ArgumentNullException.ThrowIfNull(inputName);
        return "INPUT_" + inputName.Replace(' ', '_').ToUpperInvariant();
    }

    public static Dictionary<string, string> Gather(
        ActionManifest manifest,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string> commandLine)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(commandLine);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in manifest.Inputs)
        {
            if (commandLine.TryGetValue(input.Name, out var fromFlag))
            {
                values[input.Name] = fromFlag;
            }
            else if (environment.TryGetValue(VariableName(input.Name), out var fromRunner) && fromRunner.Length > 0)
            {
                values[input.Name] = fromRunner;
            }
            else if (!string.IsNullOrEmpty(input.Default))
            {
                values[input.Name] = input.Default;
            }
        }

        return values;
    }
}
