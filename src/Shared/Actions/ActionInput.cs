namespace Tailpaste.Shared.Actions;

/// <summary>One input as action.yml declares it.</summary>
/// <param name="IsSecret">
/// action.yml has no key for secrets, so a description starting with <see cref="SecretMarker"/> marks one:
/// its value is masked as soon as it is read, and it is never echoed in errors or reports.
/// </param>
public sealed record ActionInput(string Name, string Description, string? Default, bool Required, bool IsSecret)
{
    public const string SecretMarker = "(secret)";
}
