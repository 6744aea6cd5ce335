using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// The labels that keep a Docker resource from ever being removed: a resource that carries <em>any</em> of
/// them is protected (a <see cref="LabelSelector"/> needs <em>all</em> of its pairs). <c>environment=production</c>
/// is always among them; what is written adds to it, so no input can leave production unprotected.
/// Matching errs on the safe side: keys and values are compared trimmed and without regard to case, so
/// <c>Environment=production</c>, <c>environment=Production</c> and <c>environment= production </c> are all protected.
/// </summary>
public sealed class ProtectedLabels
{
    /// <summary>The pair that is protected whatever the input says.</summary>
    public static readonly KeyValuePair<string, string> AlwaysProtected = new("environment", "production");

    public const string Expected = "one or more key=value labels, separated by commas or new lines, any of which protects a resource (for example keep=true,environment=staging)";

    private readonly List<KeyValuePair<string, string>> _pairs;

    private ProtectedLabels(List<KeyValuePair<string, string>> pairs)
    {
        _pairs = pairs;
    }

    /// <summary>Only <see cref="AlwaysProtected"/>.</summary>
    public static ProtectedLabels Default { get; } = new([AlwaysProtected]);

    /// <summary><see cref="AlwaysProtected"/> first, then the pairs given, each once (in the sense of <see cref="Same"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>Parses the pairs that protect in addition to <see cref="AlwaysProtected"/>. One key may be given with several values.</summary>
    /// <param name="text">The labels as written.</param>
    /// <param name="source">What the text came from, named in the error (usually an action input).</param>
    /// <exception cref="InputException">The text holds no label, or a label that is not key=value.</exception>
    public static ProtectedLabels Parse(string? text, string source = "protect-labels")
    {
        var given = LabelPairs.Parse(text, source, Expected);
        if (given.Count == 0)
        {
            throw new InputException(source, text, Expected);
        }

        var pairs = new List<KeyValuePair<string, string>> { AlwaysProtected };
        foreach (var pair in given)
        {
            if (!pairs.Any(known => Same(known, pair)))
            {
                pairs.Add(pair);
            }
        }

        return new ProtectedLabels(pairs);
    }

    /// <summary>
    /// The first label of <paramref name="labels"/> (as the resource writes it) that matches a protected pair,
    /// or null when it carries none. Checks every label, not a lookup by key, because keys that differ in case
    /// or surrounding whitespace are different keys to Docker and the same one here.
    /// </summary>
    public string? FirstCarriedBy(IEnumerable<KeyValuePair<string, string>>? labels)
    {
        if (labels is null)
        {
            return null;
        }

        return labels
            .Where(label => _pairs.Any(pair => Same(pair, label)))
            .Select(label => $"{label.Key}={label.Value}")
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>True when <paramref name="labels"/> carries any protected pair.</summary>
    public bool Protects(IEnumerable<KeyValuePair<string, string>>? labels) => FirstCarriedBy(labels) is not null;

    /// <summary>Every pair, <see cref="AlwaysProtected"/> first, separated by commas.</summary>
    public override string ToString() => string.Join(',', _pairs.Select(pair => $"{pair.Key}={pair.Value}"));

    // Trimmed and case-blind: for protection, a near miss counts as a match.
    private static bool Same(KeyValuePair<string, string> a, KeyValuePair<string, string> b) =>
        string.Equals(a.Key?.Trim(), b.Key?.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Value?.Trim(), b.Value?.Trim(), StringComparison.OrdinalIgnoreCase);
}
