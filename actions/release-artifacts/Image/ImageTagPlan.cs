using System.Text.RegularExpressions;

namespace Tailpaste.ReleaseArtifacts.Image;

/// <summary>
/// Which tags the release gives the built image: <c>{repository}:{version}</c> and, on request,
/// <c>{repository}:production</c>. Docker tags cannot hold '+', so SemVer build metadata is joined with '_'
/// (1.2.3+build.5 → 1.2.3_build.5), which no SemVer version contains and so cannot collide with one.
/// </summary>
public sealed partial record ImageTagPlan(string Image, string Repository, IReadOnlyList<string> Tags)
{
    public const string ProductionTag = "production";

    public const string RepositoryExpected = "a Docker repository name such as tailpaste-app or registry.example:5000/team/tailpaste-app (lower case)";

    public static ImageTagPlan For(string image, string repository, string version, bool production)
    {
        ArgumentNullException.ThrowIfNull(version);
        var tag = VersionTag(version);
        return new ImageTagPlan(image, repository, production ? [tag, ProductionTag] : [tag]);
    }

    public static string VersionTag(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var tag = version.Replace('+', '_');
        return DockerTag().IsMatch(tag) ? tag : throw new ArgumentException($"'{version}' cannot become a Docker tag.", nameof(version));
    }

    public static bool IsRepository(string name) => name is not null && name.Length <= 255 && RepositoryName().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex DockerTag();

    // Optional registry host[:port]/, then lower-case path components separated by '/'.
    [GeneratedRegex(@"^(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryName();
}
