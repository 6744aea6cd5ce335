using System.Globalization;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Schema;
using Tailpaste.ValidateWorkflows.Yaml;
using YamlDotNet.Core;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// <c>schedule</c> cron strings: five fields (minute hour day-of-month month day-of-week), numbers in range,
/// ranges, steps, lists and month/weekday names; and not more often than GitHub's 5-minute minimum.
/// </summary>
public sealed class CronRule : Rule
{
    private static readonly (string Name, int Min, int Max, string[]? Names)[] _fields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    public override string Id => "cron";

    public override string Description => "schedule cron expressions have five valid fields and run at most every 5 minutes.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        if (workflow.FindTrigger("schedule") is not { } schedule)
        {
            return;
        }

        if (schedule.Body is not SequenceNode entries || entries.Items.Count == 0)
        {
            context.Report(schedule.Name, "\"schedule\" needs a list of entries like \"- cron: '30 5 * * 1'\"");
            return;
        }

        foreach (var entry in entries.Items.OfType<MappingNode>())
        {
            if (entry.Get("cron") is not ScalarNode cron || cron.IsNull)
            {
                context.Report(entry, "a schedule entry needs \"cron\"");
                continue;
            }

            if (entry.Entries.Any(e => e.Key.Value is not ("cron" or "timezone")))
            {
                context.Report(entry, "a schedule entry holds \"cron\" (and optionally \"timezone\"), nothing else");
            }

            if (entry.GetScalar("timezone") is { IsNull: false, ContainsExpression: false } zone && TimeZones.IsUnknown(zone.Value))
            {
                context.Report(zone, $"timezone \"{zone.Value}\" of the schedule is not an IANA time zone name (such as \"Europe/Berlin\" or \"UTC\")");
            }

            Check(cron, context);
        }
    }

    private static void Check(ScalarNode cron, RuleContext context)
    {
        var quote = cron.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        var fields = new List<(string Text, int Offset)>();
        var text = cron.Value;
        for (var i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            fields.Add((text[start..i], start));
        }

        if (fields.Count != 5)
        {
            context.Report(cron, $"cron \"{text}\" has {fields.Count} fields; expected 5 (minute hour day-of-month month day-of-week)");
            return;
        }

        var sets = new HashSet<int>[5];
        for (var f = 0; f < 5; f++)
        {
            var error = TryParseField(fields[f].Text, _fields[f], out sets[f]);
            if (error is not null)
            {
                var at = cron.Start.Right(quote + fields[f].Offset);
                context.Report(at, $"invalid {_fields[f].Name} field \"{fields[f].Text}\" in cron \"{text}\": {error}", at.Column + fields[f].Text.Length);
                return;
            }
        }

        var interval = ShortestInterval(sets[0], sets[1]);
        if (interval < 5)
        {
            context.Report(cron, $"cron \"{text}\" runs every {interval} minute{(interval == 1 ? string.Empty : "s")}; GitHub runs schedules at most every 5 minutes");
        }
    }

    private static string? TryParseField(string field, (string Name, int Min, int Max, string[]? Names) spec, out HashSet<int> values)
    {
        values = [];
        foreach (var part in field.Split(','))
        {
            if (part.Length == 0)
            {
                return "empty list element";
            }

            var step = 1;
            var range = part;
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                {
                    return $"the step \"{part[(slash + 1)..]}\" must be a positive number";
                }

                range = part[..slash];
            }

            int low, high;
            if (range == "*")
            {
                (low, high) = (spec.Min, spec.Max);
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                var lowText = dash >= 0 ? range[..dash] : range;
                if (Value(lowText, spec) is not { } from)
                {
                    return $"\"{lowText}\" is not a value from {spec.Min} to {spec.Max}{(spec.Names is null ? string.Empty : " or a name such as " + spec.Names[0])}";
                }

                low = from;
                high = slash >= 0 && dash < 0 ? spec.Max : from;
                if (dash >= 0)
                {
                    var highText = range[(dash + 1)..];
                    if (Value(highText, spec) is not { } to)
                    {
                        return $"\"{highText}\" is not a value from {spec.Min} to {spec.Max}";
                    }

                    if (to < from)
                    {
                        return $"the range {range} ends before it starts";
                    }

                    high = to;
                }
            }

            for (var v = low; v <= high; v += step)
            {
                values.Add(v);
            }
        }

        return null;
    }

    private static int? Value(string text, (string Name, int Min, int Max, string[]? Names) spec)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= spec.Min && number <= spec.Max ? number : null;
        }

        var index = spec.Names is null ? -1 : Array.FindIndex(spec.Names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + spec.Min;
    }

    /// <summary>The shortest gap in minutes between two runs within the hours the schedule covers.</summary>
    private static int ShortestInterval(HashSet<int> minutes, HashSet<int> hours)
    {
        var sorted = minutes.Order().ToList();
        var shortest = int.MaxValue;
        for (var i = 1; i < sorted.Count; i++)
        {
            shortest = Math.Min(shortest, sorted[i] - sorted[i - 1]);
        }

        // Across the hour boundary: from the last minute of one hour to the first of the next covered hour.
        var hourList = hours.Order().ToList();
        for (var i = 0; i < hourList.Count; i++)
        {
            var next = i + 1 < hourList.Count ? hourList[i + 1] : hourList[0] + 24;
            if (next - hourList[i] == 1)
            {
                shortest = Math.Min(shortest, sorted[0] + 60 - sorted[^1]);
                break;
            }
        }

        return shortest;
    }
}
