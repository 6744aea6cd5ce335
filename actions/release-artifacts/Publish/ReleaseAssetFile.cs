namespace Tailpaste.ReleaseArtifacts.Publish;

/// <summary>A file to attach to the GitHub Release, with the content type it is uploaded as.</summary>
public sealed record ReleaseAssetFile(string Path, string Name, string ContentType)
{
    public static ReleaseAssetFile For(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return new ReleaseAssetFile(path, name, ContentTypeOf(name));
    }

    public static string ContentTypeOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            _ when name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal) => "application/gzip",
            _ when name.EndsWith(".sh", StringComparison.Ordinal) => "application/x-sh",
            _ when name.EndsWith(".md", StringComparison.Ordinal) => "text/markdown",
            _ when name.EndsWith(".json", StringComparison.Ordinal) => "application/json",
            _ when name.EndsWith(".sha256", StringComparison.Ordinal) || name == "SHA256SUMS" => "text/plain",
            _ => "application/octet-stream",
        };
    }
}
