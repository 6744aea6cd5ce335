using Tailpaste.Shared.Actions;
using Xunit;

namespace Tailpaste.TestKit;

/// <summary>
/// Proves an action's code and its action.yml agree: binding options reads every declared input (and no
/// other: an undeclared read throws), and the typed outputs record has exactly the declared outputs.
/// </summary>
public static class ActionContract
{
    /// <param name="requiredValues">Values for inputs that have no default but must be given for binding to succeed.</param>
    public static void AssertMatches<TOptions>(ActionDefinition<TOptions> action, Type outputsType, IReadOnlyDictionary<string, string>? requiredValues = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var manifest = action.Manifest;
        var values = InputValues.Gather(manifest, new Dictionary<string, string>(), requiredValues ?? new Dictionary<string, string>());
        var inputs = new ActionInputs(manifest, values);

        action.Bind(inputs, RunnerEnvironment.FromVariables(new Dictionary<string, string>()));

        Assert.True(inputs.UnreadInputs.Count == 0, $"action.yml declares inputs the code never reads: {string.Join(", ", inputs.UnreadInputs)}");
        var declared = manifest.Outputs.Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        var written = OutputValues.NamesOf(outputsType).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            declared.SequenceEqual(written),
            $"Outputs differ. Only in action.yml: [{string.Join(", ", declared.Except(written))}]; only in {outputsType.Name}: [{string.Join(", ", written.Except(declared))}]");
    }

    /// <summary>The action.yml on disk is the one the assembly embeds (the runner reads the file, --help the resource).</summary>
    public static void AssertEmbeddedManifestIsCurrent(ActionManifest embedded, string actionYmlPath)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        var onDisk = ActionManifest.Load(actionYmlPath);
        Assert.Equal(onDisk.Inputs, embedded.Inputs);
        Assert.Equal(onDisk.Outputs, embedded.Outputs);
    }
}
