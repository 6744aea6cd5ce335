using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Event filters (<c>branches</c>, <c>tags</c>, <c>paths</c> and their <c>-ignore</c> twins) are lists of
/// non-empty glob patterns with closed character classes; branch and tag patterns cannot contain characters
/// no git ref name has (space, <c>~</c>, <c>^</c>, <c>:</c>), so such a filter would never match.
/// </summary>
public sealed class FilterGlobRule : Rule
{
    private static readonly string[] _refFilters = ["branches", "branches-ignore", "tags", "tags-ignore"];
    private static readonly string[] _pathFilters = ["paths", "paths-ignore"];

    public override string Id => "filter-glob";

    public override string Description => "branches, tags and paths filters are lists of non-empty glob patterns with closed [...] classes; branch and tag patterns hold only characters a git ref can have.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var trigger in workflow.Triggers)
        {
            if (trigger.Filters is not { } filters)
            {
                continue;
            }

            foreach (var (key, value) in filters.Entries)
            {
                var isRef = _refFilters.Contains(key.Value, StringComparer.Ordinal);
                if (!isRef && !_pathFilters.Contains(key.Value, StringComparer.Ordinal))
                {
                    continue;
                }

                var patterns = value switch
                {
                    ScalarNode one when !one.IsNull => [one],
                    SequenceNode many => many.Items.OfType<ScalarNode>().ToList(),
                    _ => new List<ScalarNode>(),
                };
                foreach (var pattern in patterns)
                {
                    if (Problem(pattern.Value, isRef) is { } problem)
                    {
                        context.Report(pattern, $"{key.Value} pattern \"{pattern.Value}\" of event \"{trigger.Name.Value}\" {problem}");
                    }
                }
            }
        }
    }

    /// <summary>Why the pattern can never work as GitHub's filter syntax reads it, or null.</summary>
    public static string? Problem(string pattern, bool isRef)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var body = pattern.StartsWith('!') ? pattern[1..] : pattern;
        if (body.Length == 0)
        {
            return "is empty; a filter pattern must match something";
        }

        if (!isRef && (char.IsWhiteSpace(body[0]) || char.IsWhiteSpace(body[^1])))
        {
            return "starts or ends with a space, which no path in the repository does";
        }

        if (isRef && body.StartsWith('/'))
        {
            return "starts with '/', which no git branch or tag name does (write refs without refs/heads/ or a leading slash)";
        }

        if (isRef && body.EndsWith('/'))
        {
            return "ends with '/', which no git branch or tag name does";
        }

        if (body.Split('/').FirstOrDefault(s => s is "." or "..") is { } segment)
        {
            return $"has a \"{segment}\" segment; filters match normalised names without \".\" or \"..\", so it never matches";
        }

        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\')
            {
                if (i + 1 >= body.Length)
                {
                    return "ends with a '\\' that escapes nothing";
                }

                if (isRef && body[i + 1] is not ('[' or '?' or '+' or '*' or '\\' or '!'))
                {
                    return $"escapes '{body[i + 1]}' with '\\'; only the special characters [ ? + * \\ ! can be escaped, and no git ref contains a backslash";
                }

                i++;
                continue;
            }

            if (c is '+' or '?' && i > 0 && body[i - 1] is '*' or '+' or '?' && (i < 2 || body[i - 2] != '\\'))
            {
                return $"has '{c}' right after the special character '{body[i - 1]}'; '+' and '?' repeat or stand for the character before them, which must not be special (is it a regular expression?)";
            }

            if (c == '[')
            {
                var close = body.IndexOf(']', i + 1);
                if (close < 0)
                {
                    return "has a '[' without its ']'; escape it as \"\\[\" for a literal bracket";
                }

                if (close == i + 1)
                {
                    return "has an empty character class \"[]\"";
                }

                var range = body[(i + 1)..close];
                for (var r = 1; r + 1 < range.Length; r++)
                {
                    if (range[r] == '-' && range[r - 1] > range[r + 1])
                    {
                        return $"has the range \"{range[r - 1]}-{range[r + 1]}\" whose start comes after its end";
                    }
                }

                i = close;
                continue;
            }

            if (isRef && c is ' ' or '~' or '^' or ':' or '\t')
            {
                var shown = c == ' ' ? "a space" : c == '\t' ? "a tab" : $"'{c}'";
                return $"contains {shown}, which no git branch or tag name can contain, so it never matches (is it a regular expression?)";
            }
        }

        return null;
    }
}
