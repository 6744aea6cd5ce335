using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Actions;

/// <summary>One input as action.yml declares it.</summary>
/// <param name="IsSecret">
/// action.yml has no key for secrets, so a description starting with <see cref="SecretMarker"/> marks one:
/// its value is masked as soon as it is read, and it is never echoed in errors or reports.
/// </param>
public sealed partial record ActionInput(string Name, string Description, string? Default, bool Required, bool IsSecret)
{
    public const string SecretMarker = "(secret)";

    /// <summary>
    /// The value a description ends with as <c>(default X)</c>, for an input whose <c>default:</c> must stay empty
    /// because something between the input and that value can still give one (a config file, a variable): the
    /// runner would otherwise always pass the default as if the workflow had written it. Null when there is none.
    /// </summary>
    public string? DocumentedDefault => DocumentedDefaultPattern().Match(Description) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"\(default ([^\s()]+)\)\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentedDefaultPattern();
}
