using Tailpaste.Shared.Actions;

namespace Tailpaste.ReleaseArtifacts.Versioning;

/// <summary>The <c>version</c> input, else the tag a push gave (GITHUB_REF=refs/tags/v1.2.3).</summary>
public static class ReleaseVersionInput
{
    public static ReleaseVersion Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var text = inputs.GetOptionalInput("version");
        if (text is null)
        {
            text = runner.Ref ?? throw new InputException("version", null, "a version, or a run triggered by a tag push (GITHUB_REF=refs/tags/v1.2.3)");
            if (!text.StartsWith("refs/tags/", StringComparison.Ordinal))
            {
                throw new InputException("version", text, "a version, or GITHUB_REF naming a tag (refs/tags/v1.2.3); this run was not triggered by a tag");
            }
        }

        return ReleaseVersion.TryParse(text, out var version) ? version! : throw inputs.Invalid("version", text, ReleaseVersion.Expected);
    }
}
