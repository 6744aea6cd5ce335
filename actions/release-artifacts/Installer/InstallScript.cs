using System.Text.RegularExpressions;

namespace Tailpaste.ReleaseArtifacts.Installer;

/// <summary>
/// Fills the POSIX sh installer template with the version, the archive's SHA-256 and the download URL.
/// Every value is checked to contain only characters that are inert inside single quotes.
/// </summary>
public static partial class InstallScript
{
    public const string FileName = "install.sh";

    public static string Render(string version, string sha256, string? downloadUrl)
    {
        Require(version, SafeVersion(), "version");
        Require(sha256, Sha256Hex(), "sha256");
        var url = downloadUrl?.TrimEnd('/') ?? string.Empty;
        if (url.Length > 0)
        {
            Require(url, SafeUrl(), "download URL");
        }

        using var stream = typeof(InstallScript).Assembly.GetManifestResourceStream("install.sh.template")
            ?? throw new InvalidOperationException("install.sh.template is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Replace("@VERSION@", version, StringComparison.Ordinal)
            .Replace("@SHA256@", sha256, StringComparison.Ordinal)
            .Replace("@URL@", url, StringComparison.Ordinal);
    }

    private static void Require(string value, Regex pattern, string what)
    {
        if (!pattern.IsMatch(value))
        {
            throw new ArgumentException($"The {what} '{value}' cannot be written into install.sh.");
        }
    }

    [GeneratedRegex("^[0-9A-Za-z.+-]+$")]
    private static partial Regex SafeVersion();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex(@"^https?://[A-Za-z0-9._~:/?#\[\]@!$&()*+,;=%-]+$")]
    private static partial Regex SafeUrl();
}
