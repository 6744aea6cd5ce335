using System.Text;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Matrix values against the combinations they expand to: a value listed twice in one row runs the same job
/// twice, and an <c>exclude</c> value that no combination has excludes nothing (usually a typo or a value removed
/// from the row but not from the exclusion). Values compare as GitHub compares them: scalars by their text,
/// mappings and lists by their contents.
/// </summary>
public sealed class MatrixValuesRule : Rule
{
    public override string Id => "matrix-values";

    public override string Description => "A matrix row lists each value once, and every exclude value matches a value of its row (or of include).";

    public override void VisitJob(Job job, RuleContext context)
    {
        if (job.Body.GetMapping("strategy")?.Get("matrix") is not MappingNode matrix || matrix.Entries.Any(e => e.Key.ContainsExpression))
        {
            return;
        }

        var rows = new Dictionary<string, List<Node>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in matrix.Entries.Where(e => e.Key.Value is not ("include" or "exclude")))
        {
            if (value is not SequenceNode values)
            {
                continue;
            }

            var seen = new Dictionary<string, Node>(StringComparer.Ordinal);
            foreach (var item in values.Items)
            {
                var text = Canonical(item);
                if (seen.TryGetValue(text, out var first))
                {
                    context.Report(item, $"duplicate value {Shown(item)} in matrix \"{key.Value}\"; the same value is at line {first.Start.Line}, column {first.Start.Column}");
                }
                else
                {
                    seen[text] = item;
                }
            }

            rows[key.Value] = values.Items.ToList();
        }

        foreach (var include in matrix.GetSequence("include")?.Items.OfType<MappingNode>() ?? [])
        {
            foreach (var (key, value) in include.Entries)
            {
                if (rows.TryGetValue(key.Value, out var values))
                {
                    values.Add(value);
                }
            }
        }

        foreach (var exclude in matrix.GetSequence("exclude")?.Items.OfType<MappingNode>() ?? [])
        {
            foreach (var (key, value) in exclude.Entries)
            {
                if (value is ScalarNode { ContainsExpression: true } || !rows.TryGetValue(key.Value, out var values)
                    || values.Any(v => v is ScalarNode { ContainsExpression: true }))
                {
                    continue;
                }

                var text = Canonical(value);
                if (!values.Any(v => Canonical(v) == text))
                {
                    var possible = string.Join(", ", values.Select(Shown).Distinct(StringComparer.Ordinal));
                    context.Report(value, $"exclude value {Shown(value)} matches no combination of matrix \"{key.Value}\", so it excludes nothing; the values are {possible}");
                }
            }
        }
    }

    /// <summary>A value's text for comparing: scalars as written, mappings by sorted keys, lists in order.</summary>
    private static string Canonical(Node node) => node switch
    {
        ScalarNode scalar => "s:" + scalar.Value,
        SequenceNode sequence => "[" + string.Join(",", sequence.Items.Select(Canonical)) + "]",
        MappingNode mapping => "{" + string.Join(",", mapping.Entries.OrderBy(e => e.Key.Value, StringComparer.OrdinalIgnoreCase).Select(e => e.Key.Value.ToUpperInvariant() + ":" + Canonical(e.Value))) + "}",
        _ => string.Empty,
    };

    private static string Shown(Node node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return text.ToString();
    }

    private static void Append(Node node, StringBuilder text)
    {
        switch (node)
        {
            case ScalarNode scalar:
                text.Append('"').Append(scalar.Value).Append('"');
                break;
            case SequenceNode sequence:
                text.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty);
                    Append(sequence.Items[i], text);
                }

                text.Append(']');
                break;
            case MappingNode mapping:
                text.Append('{');
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty).Append('"').Append(mapping.Entries[i].Key.Value).Append("\": ");
                    Append(mapping.Entries[i].Value, text);
                }

                text.Append('}');
                break;
        }
    }
}
