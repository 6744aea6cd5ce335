using System.Globalization;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>The action's outputs; property names map to the kebab-case names in action.yml.</summary>
public sealed record ReleaseArtifactsOutputs(
    string Version,
    string Tag,
    bool IsPrerelease,
    string PreviousTag,
    string SuggestedVersion,
    string ChangelogPath,
    string NotesPath,
    string ArchivePath,
    string ChecksumsPath,
    string InstallerPath,
    string ReleaseId,
    string ReleaseUrl,
    string Assets,
    string ImageTags,
    string ReportPath)
{
    /// <summary>Every output from the state after the last step; what a step did not make is empty.</summary>
    public static ReleaseArtifactsOutputs From(ReleaseState state, string reportPath)
    {
        ArgumentNullException.ThrowIfNull(state);
        var release = state.Release;
        return new ReleaseArtifactsOutputs(
            state.Version,
            release.Tag.Name,
            release.Version.IsPrerelease,
            release.Previous?.Name ?? string.Empty,
            state.Changelog?.SuggestedVersion ?? string.Empty,
            state.Changelog?.ChangelogPath ?? string.Empty,
            state.Changelog?.NotesPath ?? string.Empty,
            state.ArchiveFile?.Path ?? string.Empty,
            Made(state.SumsFile),
            Made(state.InstallerFile),
            state.Published?.ReleaseId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            state.Published?.Url ?? string.Empty,
            ReleaseArtifactsJson.Assets(state.Published?.Assets ?? []),
            string.Join(',', state.ImageTags),
            reportPath);
    }

    // The archive is named whenever it is there (made or left by an earlier job); install.sh and SHA256SUMS
    // only when this run made them.
    private static string Made(ReleaseFile? file) => file is { Made: true } ? file.Path : string.Empty;
}
