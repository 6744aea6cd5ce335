using System.Globalization;
using Tailpaste.Shared.Actions;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>The step summary of a release run: the version line, the files, the release, the image tags and the notes.</summary>
public static class ReleaseSummary
{
    public static void Write(Summary summary, ReleaseState state, IReadOnlyList<ArtifactRecord> records)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(records);
        var release = state.Release;
        summary.AddHeading($"Release {release.Tag.Name}");
        summary.AddTable(
            ["Version", "Tag", "Pre-release", "Previous", "Suggested"],
            [[release.Version.Text, release.Tag.Name, release.Version.IsPrerelease ? "yes" : "no", release.Previous?.Name ?? "(first release)", state.Changelog?.SuggestedVersion ?? "-"]]);
        if (records.Count > 0)
        {
            summary.AddTable(["Artifact", "Bytes", "SHA-256"], records.Select(r => (IReadOnlyList<string>)[r.Name, r.Bytes.ToString(CultureInfo.InvariantCulture), r.Sha256 ?? string.Empty]));
        }

        if (state.Published is { } published)
        {
            summary.AddParagraph($"GitHub Release {published.Action}: {published.Url}");
        }

        if (state.ImageTags.Count > 0)
        {
            summary.AddParagraph($"Image tagged: {string.Join(", ", state.ImageTags)}");
        }

        if (state.Notes.Length > 0)
        {
            summary.AddDetails("Release notes", state.Notes);
        }
    }
}
