using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// Selects the Docker resources that carry <em>all</em> of a <see cref="LabelSet"/>. Never empty: an empty
/// selector would select everything. Matching is exact (case and all), so a selector never reaches further than
/// written; protection, which errs the other way and needs only <em>any</em> of its pairs, is <see cref="ProtectedLabels"/>.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(LabelSet labels)
    {
        Labels = labels;
    }

    /// <summary>The labels a resource must carry, by key.</summary>
    public LabelSet Labels { get; }

    /// <summary>Parses a selector.</summary>
    /// <param name="text">The labels as written.</param>
    /// <param name="source">What the text came from, named in the error (usually an action input).</param>
    /// <exception cref="InputException">The text holds no label, or a label that is not key=value, or a key twice with different values (nothing could match).</exception>
    public static LabelSelector Parse(string? text, string source = "labels") => new(LabelSet.Parse(text, source));

    /// <summary>True when <paramref name="labels"/> carries every pair of this selector (extra labels do not matter).</summary>
    public bool Matches(IDictionary<string, string>? labels)
    {
        if (labels is null)
        {
            return false;
        }

        foreach (var (key, value) in Labels)
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
            ["label"] = Labels.ToDictionary(pair => $"{pair.Key}={pair.Value}", _ => true),
        };

    /// <summary>The canonical form: pairs sorted by key, separated by commas.</summary>
    public override string ToString() => Labels.ToString();
}
