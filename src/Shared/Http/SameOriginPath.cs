namespace Tailpaste.Shared.Http;

/// <summary>
/// Joins a path (an input such as a readiness path, or a path a service answered) to a base URL so that the
/// result can only be on the base's origin. The path must be an absolute path: one leading <c>/</c>, not two
/// (<c>//host/x</c> names another host), no scheme, no backslash (which http URLs read as <c>/</c>), no
/// <c>@</c> (userinfo tricks), no whitespace or control characters. The joined URL is checked against the
/// base's origin as well, whatever the parser made of it.
/// </summary>
public static class SameOriginPath
{
    /// <summary>What the path must be, for error messages.</summary>
    public const string Expected = "a path on the service's own origin: starting with a single /, without a scheme, host, backslash, @, spaces or control characters";

    /// <summary>Why <paramref name="path"/> cannot be joined to a URL of any origin, or null when it can.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path switch
        {
            "" => "it is empty",
            _ when path[0] != '/' => "it does not start with /",
            _ when path.StartsWith("//", StringComparison.Ordinal) => "it starts with //, which names another host",
            _ when path.Contains('\\', StringComparison.Ordinal) => "it holds a backslash, which a URL reads as /",
            _ when path.Contains('@', StringComparison.Ordinal) => "it holds @, which can make the part before it a user name",
            _ when path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) => "it holds spaces or control characters",
            _ => null,
        };
    }

    /// <summary>The URL of <paramref name="path"/> on <paramref name="baseUrl"/>'s origin, or null with the reason when the path would leave it.</summary>
    public static Uri? TryResolve(Uri baseUrl, string path, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        problem = Problem(path);
        if (problem is not null)
        {
            return null;
        }

        if (!Uri.TryCreate(baseUrl, path, out var joined) || !Origin.Same(baseUrl, joined))
        {
            problem = $"it leads away from {Origin.Of(baseUrl)}";
            return null;
        }

        return joined;
    }
}
