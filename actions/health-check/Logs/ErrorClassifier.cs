namespace Tailpaste.HealthCheck.Logs;

/// <summary>
/// Puts an error line into the first <see cref="ErrorCategory"/> whose words it contains (case-insensitive);
/// a line with none of them is <see cref="ErrorCategory.General"/>.
/// </summary>
public static class ErrorClassifier
{
    private static readonly (ErrorCategory Category, string[] Words)[] _rules =
    [
        (ErrorCategory.Database, ["database", "sqlite", "sql", "pastes.db", "constraint", "db locked"]),
        (ErrorCategory.Network, ["network", "connection", "connect", "timeout", "timed out", "refused", "unreachable", "dns", "socket"]),
        (ErrorCategory.Tailscale, ["tailscale", "tailnet", "derp", "wireguard"]),
        (ErrorCategory.Authentication, ["auth", "token", "forbidden", "unauthorized", "denied", "credential", "login"]),
        (ErrorCategory.Exception, ["exception", "traceback", "stack trace", "unhandled", "panic"]),
        (ErrorCategory.Disk, ["disk", "no space", "enospc", "i/o", "read-only file system", "quota", "storage"]),
    ];

    public static ErrorCategory Classify(ReadOnlySpan<char> line)
    {
        foreach (var (category, words) in _rules)
        {
            foreach (var word in words)
            {
                if (line.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    return category;
                }
            }
        }

        return ErrorCategory.General;
    }

    /// <summary>The category's name in reports.</summary>
    public static string NameOf(ErrorCategory category) => category.ToString().ToLowerInvariant();
}
