namespace Tailpaste.ReleaseArtifacts;

/// <summary>A file of the release in output-dir: made by this run, or left there by an earlier job (steps in separate jobs).</summary>
public sealed record ReleaseFile(string Path, bool Made)
{
    public static ReleaseFile MadeAt(string path) => new(path, true);

    public static ReleaseFile PickedUp(string path) => new(path, false);
}
