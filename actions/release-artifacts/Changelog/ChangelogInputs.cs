using System.Text.RegularExpressions;
using Tailpaste.Shared.Actions;

namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>The changelog's inputs: hidden types, merges, the CHANGELOG.md to prepend to, and whether it goes into the archive.</summary>
public sealed partial record ChangelogInputs(IReadOnlyList<string> HiddenTypes, bool IncludeMerges, string ChangelogFile, bool ArchiveChangelog)
{
    public static ChangelogInputs Bind(ActionInputs inputs, ReleaseSteps steps)
    {
        ArgumentNullException.ThrowIfNull(inputs);

        // An empty input means "use the default", so "none" is how a workflow keeps every type.
        var hidden = inputs.GetListInput("hide-types").Where(t => t != "none").ToList();
        foreach (var type in hidden.Where(t => !CommitType().IsMatch(t)))
        {
            throw inputs.Invalid("hide-types", type, "Conventional Commit types such as chore, ci, docs");
        }

        var includeMerges = inputs.GetBoolInput("include-merges");
        var changelogFile = inputs.GetInput("changelog-file", required: true);
        if (Path.IsPathRooted(changelogFile) || changelogFile.Split('/', '\\').Contains(".."))
        {
            throw inputs.Invalid("changelog-file", changelogFile, "a path inside repository-path");
        }

        var archiveChangelog = false;
        foreach (var extra in inputs.GetListInput("archive-extras"))
        {
            archiveChangelog = extra == "CHANGELOG.md" ? true : throw inputs.Invalid("archive-extras", extra, "CHANGELOG.md (the only generated file that can go inside the archive)");
        }

        if (archiveChangelog && (steps & ReleaseSteps.Changelog) == 0)
        {
            throw inputs.Invalid("archive-extras", "CHANGELOG.md", "the changelog step in steps, which builds the CHANGELOG.md to add");
        }

        return new ChangelogInputs(hidden, includeMerges, changelogFile, archiveChangelog);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex CommitType();
}
