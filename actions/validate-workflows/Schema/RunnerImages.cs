namespace Tailpaste.ValidateWorkflows.Schema;

/// <summary>
/// GitHub-hosted runner labels and the image each one runs, as of 2026-12 (sources: docs.github.com "GitHub-hosted
/// runners" reference, the actions/runner-images README and GitHub changelog posts on new and retired images; the
/// same table rhysd/actionlint keeps), and the images GitHub has retired: a job asking for one of those never
/// starts. Refresh from those pages when GitHub announces a new image or a retirement.
/// </summary>
public static class RunnerImages
{
    private static readonly string[] _ubuntu = ["ubuntu-22.04", "ubuntu-24.04", "ubuntu-26.04"];
    private static readonly string[] _macos = ["macos-14", "macos-14-large", "macos-14-xlarge", "macos-15", "macos-15-intel", "macos-15-large", "macos-15-xlarge", "macos-26", "macos-26-intel", "macos-26-large", "macos-26-xlarge", "xcode-27", "xcode-27-xlarge"];
    private static readonly string[] _windows = ["windows-2022", "windows-2025", "windows-11-arm", "windows-11-vs2026-arm"];

    /// <summary>
    /// Each GitHub-hosted label → the images it may run on; the self-hosted OS labels (linux, macos, windows) → every
    /// image of that system. Two labels of one runs-on whose images do not overlap match no runner at all.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Images { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["ubuntu-slim"] = ["ubuntu-24.04"],
        ["ubuntu-latest"] = ["ubuntu-24.04"],
        ["ubuntu-latest-4-cores"] = ["ubuntu-24.04"],
        ["ubuntu-latest-8-cores"] = ["ubuntu-24.04"],
        ["ubuntu-latest-16-cores"] = ["ubuntu-24.04"],
        ["ubuntu-26.04"] = ["ubuntu-26.04"],
        ["ubuntu-26.04-arm"] = ["ubuntu-26.04"],
        ["ubuntu-24.04"] = ["ubuntu-24.04"],
        ["ubuntu-24.04-arm"] = ["ubuntu-24.04"],
        ["ubuntu-22.04"] = ["ubuntu-22.04"],
        ["ubuntu-22.04-arm"] = ["ubuntu-22.04"],
        ["xcode-27"] = ["xcode-27"],
        ["xcode-27-xlarge"] = ["xcode-27-xlarge"],
        ["macos-latest"] = ["macos-26"],
        ["macos-latest-large"] = ["macos-26-large"],
        ["macos-latest-xlarge"] = ["macos-15-xlarge"],
        ["macos-26"] = ["macos-26"],
        ["macos-26-intel"] = ["macos-26-intel"],
        ["macos-26-large"] = ["macos-26-large"],
        ["macos-26-xlarge"] = ["macos-26-xlarge"],
        ["macos-15"] = ["macos-15"],
        ["macos-15-intel"] = ["macos-15-intel"],
        ["macos-15-large"] = ["macos-15-large"],
        ["macos-15-xlarge"] = ["macos-15-xlarge"],
        ["macos-14"] = ["macos-14"],
        ["macos-14-large"] = ["macos-14-large"],
        ["macos-14-xlarge"] = ["macos-14-xlarge"],
        ["windows-latest"] = ["windows-2025"],
        ["windows-latest-8-cores"] = ["windows-2022"],
        ["windows-2025"] = ["windows-2025"],
        ["windows-2025-vs2026"] = ["windows-2025"],
        ["windows-2022"] = ["windows-2022"],
        ["windows-11-arm"] = ["windows-11-arm", "windows-11-vs2026-arm"],
        ["windows-11-vs2026-arm"] = ["windows-11-vs2026-arm"],
        ["linux"] = _ubuntu,
        ["macos"] = _macos,
        ["windows"] = _windows,
    };

    /// <summary>The GitHub-hosted labels (every key of <see cref="Images"/> but the three OS labels).</summary>
    public static IReadOnlySet<string> Hosted { get; } = Images.Keys.Except(["linux", "macos", "windows"]).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Retired image → (date GitHub removed it, what to use instead). Source: GitHub changelog and actions/runner-images announcements.</summary>
    public static IReadOnlyDictionary<string, (string Retired, string Instead)> Retired { get; } = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
    {
        ["ubuntu-16.04"] = ("2021-09-20", "ubuntu-24.04"),
        ["ubuntu-18.04"] = ("2023-04-03", "ubuntu-24.04"),
        ["ubuntu-20.04"] = ("2025-04-15", "ubuntu-24.04"),
        ["windows-2016"] = ("2022-03-15", "windows-2022"),
        ["windows-2019"] = ("2025-06-30", "windows-2022"),
        ["macos-10.15"] = ("2022-12-01", "macos-15"),
        ["macos-11"] = ("2024-06-28", "macos-15"),
        ["macos-12"] = ("2024-12-03", "macos-15"),
        ["macos-12-xl"] = ("2024-12-03", "macos-15-xlarge"),
        ["macos-12-large"] = ("2024-12-03", "macos-15-large"),
        ["macos-13"] = ("2025-12-04", "macos-15-intel"),
        ["macos-13-large"] = ("2025-12-04", "macos-15-large"),
        ["macos-13-xlarge"] = ("2025-12-04", "macos-15-xlarge"),
    };

    /// <summary>The operating system a label runs (linux, windows or macos), or null for other labels.</summary>
    public static string? System(string label) =>
        label.StartsWith("ubuntu-", StringComparison.OrdinalIgnoreCase) || label.Equals("linux", StringComparison.OrdinalIgnoreCase) ? "linux"
        : label.StartsWith("windows-", StringComparison.OrdinalIgnoreCase) || label.Equals("windows", StringComparison.OrdinalIgnoreCase) ? "windows"
        : label.StartsWith("macos-", StringComparison.OrdinalIgnoreCase) || label.StartsWith("xcode-", StringComparison.OrdinalIgnoreCase) || label.Equals("macos", StringComparison.OrdinalIgnoreCase) ? "macos"
        : null;
}
