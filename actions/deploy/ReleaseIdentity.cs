using Tailpaste.Shared.Actions;

namespace Tailpaste.Deploy;

/// <summary>The version and commit the deploy labels its containers with, when given; else the image's labels or tag decide.</summary>
/// <param name="WorkflowSha">GITHUB_SHA, the commit label when neither the input nor the image gives one.</param>
public sealed record ReleaseIdentity(string? Version, string? GitCommit, string? WorkflowSha)
{
    public static ReleaseIdentity Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var version = inputs.GetOptionalInput("version");
        if (version is not null && !InputFormats.LabelValue.IsValid(version))
        {
            throw inputs.Invalid("version", version, $"a version of {InputFormats.LabelValue.Expected} (such as 1.4.0)");
        }

        return new ReleaseIdentity(version, inputs.GetOptionalCommitIdInput("git-commit"), InputFormats.NormalizeCommitId(runner.Get("GITHUB_SHA")));
    }
}
