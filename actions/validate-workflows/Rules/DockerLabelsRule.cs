using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Shell lines that create Docker resources carry the labels cleanup selects on (<c>environment=testing</c>,
/// <c>managed-by=ci</c>); otherwise cleanup can never find them. The actions add the labels themselves.
/// </summary>
public sealed partial class DockerLabelsRule : Rule
{
    private static readonly string[] _required = ["environment=testing", "managed-by=ci"];

    public override string Id => "docker-labels";

    public override string Description => "Shell 'docker run|create|build|volume create' commands carry --label environment=testing and --label managed-by=ci.";

    public override void VisitStep(Step step, RuleContext context)
    {
        if (step.Run is not { IsNull: false } run)
        {
            return;
        }

        var lines = run.Value.Split('\n');
        var searchFrom = run.Start;
        for (var i = 0; i < lines.Length; i++)
        {
            // A command continues on the next line after a trailing backslash.
            var first = i;
            var command = lines[i].TrimEnd('\r');
            while (command.EndsWith('\\') && i + 1 < lines.Length)
            {
                command = command[..^1] + " " + lines[++i].TrimEnd('\r');
            }

            var match = Creating().Match(command);
            if (!match.Success)
            {
                continue;
            }

            var missing = _required.Where(label => !command.Contains(label, StringComparison.Ordinal)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var firstLine = lines[first].Trim();
            var at = firstLine.Length > 0 ? context.File.Find(firstLine, searchFrom, run.End, 0) : null;
            Position where;
            if (at is { } found)
            {
                var column = context.File.Line(found.Line).IndexOf(match.Value, StringComparison.Ordinal);
                where = column >= 0 ? new Position(found.Line, column + 1) : found;
                searchFrom = new Position(found.Line + 1, 1);
            }
            else
            {
                where = run.Start;
            }

            var verb = Regex.Replace(match.Groups["verb"].Value, @"\s+", " ");
            context.Report(
                where,
                $"\"docker {verb}\" without the label(s) {KeyList.Quote(missing)}; add {string.Join(" ", missing.Select(l => "--label " + l))} so cleanup can find what it creates (or use the repository's actions)",
                where.Column + match.Value.Length);
        }
    }

    [GeneratedRegex(@"\bdocker\s+(?<verb>run|create|build|volume\s+create|container\s+(?:run|create)|image\s+build|buildx\s+build|network\s+create)\b")]
    private static partial Regex Creating();
}
