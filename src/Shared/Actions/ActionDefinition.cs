using System.Reflection;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// What an action tells the host: its manifest, how to turn inputs into its typed options, and how to run.
/// </summary>
/// <param name="Command">The command name shown in --help (for example <c>health-check</c>).</param>
/// <param name="Bind">Inputs (and the runner's variables, for documented fallbacks) to typed options; throws <see cref="InputException"/> on bad input.</param>
/// <param name="Run">Does the work; returns an <see cref="ExitCodes"/> value.</param>
public sealed record ActionDefinition<TOptions>(
    string Command,
    ActionManifest Manifest,
    Func<ActionInputs, RunnerEnvironment, TOptions> Bind,
    Func<TOptions, ActionCore, CancellationToken, Task<int>> Run)
{
    private readonly IReadOnlyDictionary<string, string> _aliases = new Dictionary<string, string>();

    /// <summary>
    /// Extra CLI spellings for inputs: the action's own, plus <c>--export</c> for <c>report-path</c> in every action
    /// that declares it (the shared vocabulary's one alias).
    /// </summary>
    public IReadOnlyDictionary<string, string> Aliases
    {
        get => Manifest.FindInput(ReportPathInput) is null || _aliases.ContainsKey(ExportAlias)
            ? _aliases
            : new Dictionary<string, string>(_aliases) { [ExportAlias] = ReportPathInput };
        init => _aliases = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The usage line after the command name, when the action takes plain arguments.</summary>
    public string? Usage { get; init; }

    private const string ReportPathInput = "report-path";
    private const string ExportAlias = "export";

    public static ActionManifest ManifestOf(Assembly assembly) => ActionManifest.FromAssembly(assembly);
}
