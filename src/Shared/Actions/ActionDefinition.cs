using System.Reflection;
using Tailpaste.Shared.Docker;

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
    /// <summary>
    /// The shared vocabulary's command-line aliases (alias → input): each applies to every action whose manifest
    /// declares the input, so no action spells them out.
    /// </summary>
    private static readonly KeyValuePair<string, string>[] _vocabularyAliases =
    [
        new("export", "report-path"),
        new("host", DockerInputs.DockerHostInput),
    ];

    private readonly IReadOnlyDictionary<string, string> _aliases = new Dictionary<string, string>();

    /// <summary>
    /// Extra CLI spellings for inputs: the action's own, plus the shared vocabulary's where the action declares the
    /// input (<c>--export</c> for <c>report-path</c>, <c>--host</c> for <c>docker-host</c>); the action's own win.
    /// </summary>
    public IReadOnlyDictionary<string, string> Aliases
    {
        get => _vocabularyAliases
            .Where(a => !_aliases.ContainsKey(a.Key) && Manifest.FindInput(a.Value) is not null)
            .Concat(_aliases)
            .ToDictionary();

        init => _aliases = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The usage line after the command name, when the action takes plain arguments.</summary>
    public string? Usage { get; init; }

    public static ActionManifest ManifestOf(Assembly assembly) => ActionManifest.FromAssembly(assembly);
}
