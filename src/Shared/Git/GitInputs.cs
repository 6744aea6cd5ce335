using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Git;

/// <summary>Typed getters for the git-shaped inputs: a commit id (<c>git-commit</c>).</summary>
public static class GitInputs
{
    /// <summary>A <see cref="CommitId"/>, lower-cased, or null when the input is empty; anything else is bad input.</summary>
    public static string? GetOptionalCommitIdInput(this ActionInputs inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var value = inputs.GetOptionalInput(name);
        return value is null ? null : CommitId.Normalize(value) ?? throw inputs.Invalid(name, value, CommitId.Expected);
    }
}
