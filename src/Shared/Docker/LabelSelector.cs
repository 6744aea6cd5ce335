using System.Collections.ObjectModel;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// A set of <c>key=value</c> labels that a Docker resource must all carry to be selected,
/// written one per line or separated by commas (<c>app=tailpaste, env=staging</c>).
/// Never empty: an empty selector would select everything. Matching is exact (case and all), so a selector
/// never reaches further than written; protection, which errs the other way, is <see cref="ProtectedLabels"/>.
/// </summary>
public sealed class LabelSelector
{
    public const string Expected = "one or more key=value labels, separated by commas or new lines (for example app=tailpaste,env=staging)";

    private readonly ReadOnlyDictionary<string, string> _labels;

    private LabelSelector(Dictionary<string, string> labels)
    {
        _labels = labels.AsReadOnly();
    }

    /// <summary>The labels to match, by key.</summary>
    public IReadOnlyDictionary<string, string> Labels => _labels;

    /// <summary>Parses a selector.</summary>
    /// <param name="text">The labels as written.</param>
    /// <param name="source">What the text came from, named in the error (usually an action input).</param>
    /// <exception cref="InputException">The text holds no label, or a label that is not key=value.</exception>
    public static LabelSelector Parse(string? text, string source = "labels")
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in LabelPairs.Parse(text, source, Expected))
        {
            if (labels.TryGetValue(key, out var earlier) && earlier != value)
            {
                throw new InputException(source, text, $"{Expected}; the key '{key}' is given twice with different values ('{earlier}' and '{value}'), so nothing could match");
            }

            labels[key] = value;
        }

        if (labels.Count == 0)
        {
            throw new InputException(source, text, Expected);
        }

        return new LabelSelector(labels);
    }

    /// <summary>True when <paramref name="labels"/> carries every pair of this selector (extra labels do not matter).</summary>
    public bool Matches(IDictionary<string, string>? labels)
    {
        if (labels is null)
        {
            return false;
        }

        foreach (var (key, value) in _labels)
        {
            if (!labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The selector as a Docker API list filter (<c>{"label": {"k=v": true}}</c>), so the engine pre-selects.</summary>
    public IDictionary<string, IDictionary<string, bool>> ToDockerFilters() =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = _labels.ToDictionary(pair => $"{pair.Key}={pair.Value}", _ => true),
        };

    /// <summary>The canonical form: pairs sorted by key, separated by commas.</summary>
    public override string ToString() =>
        string.Join(',', _labels.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
}
