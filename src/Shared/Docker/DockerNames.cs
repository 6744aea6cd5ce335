using System.Text.RegularExpressions;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// What Docker accepts as a container name or id and as a volume name. Such names go into API paths and
/// mount specifications, so nothing else may pass: no slash (but a container name's leading one), no colon,
/// no space, no control character.
/// </summary>
public static partial class DockerNames
{
    public const string ContainerExpected = "a container name or id (letters, digits, _ . -, starting with a letter or digit)";
    public const string VolumeExpected = "a Docker volume name (letters, digits, _ . -, starting with a letter or digit)";

    public static bool IsContainerName(string? value) => value is { Length: > 0 and <= 256 } && ContainerPattern().IsMatch(value);

    public static bool IsVolumeName(string? value) => value is { Length: > 0 and <= 255 } && VolumePattern().IsMatch(value);

    /// <summary>The container name or id, or bad input naming <paramref name="source"/>.</summary>
    public static string Container(string value, string source) =>
        IsContainerName(value) ? value : throw new InputException(source, value, ContainerExpected);

    /// <summary>The volume name, or bad input naming <paramref name="source"/>.</summary>
    public static string Volume(string value, string source) =>
        IsVolumeName(value) ? value : throw new InputException(source, value, VolumeExpected);

    [GeneratedRegex("^/?[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VolumePattern();
}
