namespace Tailpaste.Shared.Actions;

/// <summary>
/// Raw input values gathered from the three places they can come from, in this order of precedence:
/// command-line flags, <c>INPUT_&lt;NAME&gt;</c> variables (what the runner sets), action.yml defaults.
/// Inside a run the runner has already applied the defaults and sets every declared input, so a variable
/// that is present but empty is what the workflow asked for (an empty expression, say) and stays empty:
/// falling back to the default there would run with a value nobody gave (an empty <c>labels</c> must not
/// become the default selector). Outside a run an empty variable counts as "not given".
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
        IReadOnlyDictionary<string, string> commandLine,
        bool insideRun = false)
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
            else if (environment.TryGetValue(VariableName(input.Name), out var fromRunner) && (fromRunner.Length > 0 || insideRun))
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
