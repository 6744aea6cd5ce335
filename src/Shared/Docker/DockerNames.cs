using System.Text.RegularExpressions;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// Container and volume names as Docker spells them. A name goes into an API path (and into a sibling container's
/// mounts), so nothing else may pass: no slash beyond a container name's leading one, no dots alone, no spaces.
/// </summary>
public static partial class DockerNames
{
    public const string ContainerExpected = "a container name or id (letters, digits, _ . -, starting with a letter or digit)";
    public const string VolumeExpected = "a Docker volume name (letters, digits, _ . -, starting with a letter or digit)";

    /// <summary>The container name or id, or bad input naming <paramref name="source"/>.</summary>
    public static string Container(string value, string source) =>
        ContainerPattern().IsMatch(value) && value.Length <= 256 ? value : throw new InputException(source, value, ContainerExpected);

    /// <summary>The volume name, or bad input naming <paramref name="source"/>.</summary>
    public static string Volume(string value, string source) =>
        VolumePattern().IsMatch(value) ? value : throw new InputException(source, value, VolumeExpected);

    [GeneratedRegex("^/?[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex ContainerPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex VolumePattern();
}
