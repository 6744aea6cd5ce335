using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Engine;

/// <summary>
/// <c># validate-workflows: ignore rule-a, rule-b</c> comments. One silences those rules on its own line and
/// on the line below; an ignore that silenced nothing is reported, so stale ignores do not pile up.
/// </summary>
public static partial class Suppressions
{
    public static IReadOnlyList<Finding> Apply(SourceFile file, IReadOnlyList<Finding> findings, IReadOnlySet<string> knownRules, bool reportUnused)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(knownRules);
        var ignores = Parse(file);
        if (ignores.Count == 0)
        {
            return findings;
        }

        var kept = new List<Finding>();
        var used = new HashSet<(int Line, string Rule)>();
        foreach (var finding in findings)
        {
            var match = ignores.FirstOrDefault(i => (i.Line == finding.Line || i.Line + 1 == finding.Line) && i.Rules.Any(r => r.Rule == finding.Rule));
            if (match is null)
            {
                kept.Add(finding);
            }
            else
            {
                used.Add((match.Line, finding.Rule));
            }
        }

        if (reportUnused)
        {
            foreach (var ignore in ignores)
            {
                foreach (var (rule, column) in ignore.Rules.Where(r => !used.Contains((ignore.Line, r.Rule))))
                {
                    var message = knownRules.Contains(rule)
                        ? $"this ignore of \"{rule}\" silences nothing on this line or the next; remove it"
                        : $"this ignore names \"{rule}\", which is not a rule; remove it or fix the id";
                    kept.Add(new Finding(file.DisplayPath, ignore.Line, column, column + rule.Length, EngineChecks.UnusedIgnore.Id, EngineChecks.UnusedIgnore.Severity, message));
                }
            }
        }

        return kept;
    }

    public static IReadOnlyList<Ignore> Parse(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ignores = new List<Ignore>();
        for (var line = 1; line <= file.LineCount; line++)
        {
            var text = file.Line(line);
            if (!text.Contains("validate-workflows:", StringComparison.Ordinal))
            {
                continue;
            }

            var match = Comment().Match(text);
            if (!match.Success)
            {
                continue;
            }

            var group = match.Groups["rules"];
            var rules = new List<(string Rule, int Column)>();
            foreach (Match rule in RuleId().Matches(group.Value))
            {
                rules.Add((rule.Value, group.Index + rule.Index + 1));
            }

            ignores.Add(new Ignore(line, rules));
        }

        return ignores;
    }

    [GeneratedRegex(@"(?:^|\s)#\s*validate-workflows:\s*ignore\s+(?<rules>[A-Za-z0-9_\-]+(?:\s*,\s*[A-Za-z0-9_\-]+)*)")]
    private static partial Regex Comment();

    [GeneratedRegex(@"[A-Za-z0-9_\-]+")]
    private static partial Regex RuleId();

    public sealed record Ignore(int Line, IReadOnlyList<(string Rule, int Column)> Rules);
}
