using System.Collections.ObjectModel;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// <c>key=value</c> labels written one per line or separated by commas (<c>app=tailpaste, env=staging</c>), each key
/// once: the labels an action puts on what it creates, and what a <see cref="LabelSelector"/> requires. Never empty.
/// </summary>
public sealed class LabelSet : ReadOnlyDictionary<string, string>
{
    public const string Expected = "one or more key=value labels, separated by commas or new lines (for example app=tailpaste,env=staging)";

    private LabelSet(Dictionary<string, string> labels)
        : base(labels)
    {
    }

    /// <summary>Parses the labels.</summary>
    /// <param name="text">The labels as written.</param>
    /// <param name="source">What the text came from, named in the error (usually an action input).</param>
    /// <exception cref="InputException">No label, a label that is not key=value, or a key given twice with different values.</exception>
    public static LabelSet Parse(string? text, string source = "labels")
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in LabelPairs.Parse(text, source, Expected))
        {
            if (labels.TryGetValue(key, out var earlier) && earlier != value)
            {
                throw new InputException(source, text, $"{Expected}; the key '{key}' is given twice with different values ('{earlier}' and '{value}')");
            }

            labels[key] = value;
        }

        return labels.Count == 0 ? throw new InputException(source, text, Expected) : new LabelSet(labels);
    }

    /// <summary>The canonical form: pairs sorted by key, separated by commas.</summary>
    public override string ToString() =>
        string.Join(',', this.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
}
