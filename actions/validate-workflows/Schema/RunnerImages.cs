namespace Tailpaste.ValidateWorkflows.Schema;

/// <summary>
/// GitHub-hosted runner labels, as of 2026-12 (source: docs.github.com "GitHub-hosted runners" reference and
/// the actions/runner-images README), and the images GitHub has retired: a job asking for one of those never
/// starts. Refresh both lists from those two pages when GitHub announces a new image or a retirement.
/// </summary>
public static class RunnerImages
{
    public static IReadOnlySet<string> Hosted { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ubuntu-latest", "ubuntu-24.04", "ubuntu-22.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "ubuntu-slim",
        "ubuntu-latest-4-cores", "ubuntu-latest-8-cores", "ubuntu-latest-16-cores",
        "windows-latest", "windows-2025", "windows-2022", "windows-11-arm", "windows-latest-8-cores",
        "macos-latest", "macos-26", "macos-15", "macos-14", "macos-13", "macos-15-intel",
        "macos-latest-large", "macos-15-large", "macos-14-large", "macos-13-large",
        "macos-latest-xlarge", "macos-26-xlarge", "macos-15-xlarge", "macos-14-xlarge", "macos-13-xlarge",
        "macos-latest-xl", "macos-14-xl", "macos-13-xl",
    };

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
    };

    /// <summary>The operating system a hosted label runs (linux, windows or macos), used to see labels that conflict.</summary>
    public static string? System(string label) =>
        label.StartsWith("ubuntu-", StringComparison.OrdinalIgnoreCase) ? "linux"
        : label.StartsWith("windows-", StringComparison.OrdinalIgnoreCase) ? "windows"
        : label.StartsWith("macos-", StringComparison.OrdinalIgnoreCase) ? "macos"
        : null;
}
