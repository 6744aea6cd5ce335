namespace Tailpaste.Shared.Actions;

/// <summary>
/// Replaces every registered secret with *** in text the action writes, so a token or webhook URL never
/// reaches a log, a summary or a report even outside a runner (which masks only its own log).
/// </summary>
public sealed class SecretMasker
{
    public const string Mask = "***";
    private readonly List<string> _secrets = [];

    public IReadOnlyList<string> Secrets => _secrets;

    /// <summary>Registers a secret (and each of its lines, as the runner does); returns false when it was known or blank.</summary>
    public bool Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || _secrets.Contains(secret))
        {
            return false;
        }

        _secrets.Add(secret);
        foreach (var line in secret.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!_secrets.Contains(line))
            {
                _secrets.Add(line);
            }
        }

        // Longest first, so a secret that contains another is masked whole.
        _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        return true;
    }

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
