using System.Reflection;

namespace Tailpaste.PasteService;

/// <summary>What /version reports: the build's version and the git commit it was built from.</summary>
public sealed record BuildInfo(string Version, string Commit)
{
    public const string UnknownCommit = "unknown";

    /// <summary>
    /// Reads the assembly's informational version, which the SDK writes as
    /// <c>1.2.3+&lt;commit&gt;</c> when it knows the source revision.
    /// </summary>
    public static BuildInfo FromAssembly(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? new BuildInfo(informational, UnknownCommit)
            : new BuildInfo(informational[..plus], informational[(plus + 1)..]);
    }
}
