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
    string ReportPath);
