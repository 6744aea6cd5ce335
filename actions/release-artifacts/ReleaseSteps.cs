namespace Tailpaste.ReleaseArtifacts;

/// <summary>The steps of a release run; they always run in this order.</summary>
[Flags]
public enum ReleaseSteps
{
    None = 0,
    Validate = 1,
    Changelog = 2,
    Archive = 4,
    Checksums = 8,
    Installer = 16,
    Publish = 32,
}
