using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Event filters (<c>branches</c>, <c>tags</c>, <c>paths</c> and their <c>-ignore</c> twins) are lists of
/// non-empty glob patterns: closed character classes of more than one character, <c>+</c> and <c>?</c> after an
/// ordinary character, only special characters escaped. Branch and tag patterns cannot contain what no git ref
/// name has (space, <c>~</c>, <c>^</c>, <c>:</c>, <c>..</c>, a leading '/', a trailing '/' or '.'); paths do
/// not start with <c>./</c> or <c>../</c> nor with or end in a space. Such a filter would never match.
/// </summary>
public sealed class FilterGlobRule : Rule
{
    private static readonly string[] _refFilters = ["branches", "branches-ignore", "tags", "tags-ignore"];
    private static readonly string[] _pathFilters = ["paths", "paths-ignore"];

    public override string Id => "filter-glob";

    public override string Description => "branches, tags and paths filters are lists of non-empty glob patterns with closed [...] classes; branch and tag patterns hold only characters a git ref can have.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
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
        if (pattern.Length == 0)
        {
            return "is empty; a filter pattern must match something";
        }

        if (!isRef)
        {
            if (pattern.Trim() != pattern)
            {
                return "starts or ends with a space, which no path in the repository does";
            }

            // Paths are matched as the repository names them, never starting with ./ or ../
            var path = pattern.StartsWith('!') ? pattern[1..] : pattern;
            if (path is "." or ".." || path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal))
            {
                return "starts with '.' or '..'; paths are matched from the repository root without them, so it never matches";
            }
        }

        if (isRef && pattern.Contains("..", StringComparison.Ordinal))
        {
            return "contains \"..\", which no git branch or tag name can contain, so it never matches";
        }

        return Scan(pattern, isRef);
    }

    /// <summary>GitHub's glob syntax, character by character: escapes, + and ? after an ordinary character, [...] classes.</summary>
    private static string? Scan(string pattern, bool isRef)
    {
        var i = 0;
        var afterOrdinary = false;
        if (pattern[0] == '/' && isRef)
        {
            return "starts with '/', which no git branch or tag name does (write refs without refs/heads/ or a leading slash)";
        }

        if (pattern[0] == '!')
        {
            if (pattern.Length == 1)
            {
                return "is \"!\" alone; a negated pattern needs something after the '!'";
            }

            i = 1;
        }

        var last = '\0';
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var ordinary = true;
            switch (c)
            {
                case '\\':
                    var next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
                    if (next is '[' or '?' or '*')
                    {
                        if (isRef)
                        {
                            return $"escapes '{next}', a character no git branch or tag name can contain, so it never matches";
                        }

                        i++;
                    }
                    else if (next is '+' or '\\' or '!')
                    {
                        i++;
                    }
                    else if (isRef)
                    {
                        return next == '\0'
                            ? "ends with a '\\'; no git branch or tag name contains a backslash"
                            : $"escapes '{next}' with '\\'; only the special characters [ ? + * \\ ! can be escaped, and no git ref contains a backslash";
                    }

                    c = pattern[i];
                    break;
                case '?' or '+':
                    if (!afterOrdinary)
                    {
                        var before = i == 0 || (i == 1 && pattern[0] == '!') ? "at the start" : $"right after the special character '{pattern[i - 1]}'";
                        return $"has '{c}' {before}; '+' and '?' repeat or stand for the character before them, which must be an ordinary one (is it a regular expression?)";
                    }

                    ordinary = false;
                    break;
                case '*':
                    ordinary = false;
                    break;
                case '[':
                    if (Class(pattern, ref i) is { } problem)
                    {
                        return problem;
                    }

                    c = pattern[i];
                    break;
                case '\r' or '\n':
                    return "contains a line break";
                case ' ' or '\t' or '~' or '^' or ':' when isRef:
                    var shown = c == ' ' ? "a space" : c == '\t' ? "a tab" : $"'{c}'";
                    return $"contains {shown}, which no git branch or tag name can contain, so it never matches (is it a regular expression?)";
            }

            afterOrdinary = ordinary;
            last = c;
        }

        if (isRef && last is '/' or '.')
        {
            return $"ends with '{last}', which no git branch or tag name does";
        }

        return null;
    }

    /// <summary>A [...] class starting at <paramref name="i"/>; leaves <paramref name="i"/> on its ']'.</summary>
    private static string? Class(string pattern, ref int i)
    {
        if (i + 1 < pattern.Length && pattern[i + 1] == ']')
        {
            return "has an empty character class \"[]\"";
        }

        var members = 0;
        for (i++; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == ']')
            {
                return members == 1 ? "has a character class of one character; write the character itself instead of [x]" : null;
            }

            if (i + 1 >= pattern.Length || pattern[i + 1] != '-')
            {
                members++;
                continue;
            }

            members += 2;
            i++;
            if (i + 1 >= pattern.Length)
            {
                break;
            }

            if (pattern[i + 1] == ']')
            {
                return $"has the range \"{c}-\" without its end";
            }

            i++;
            if (c > pattern[i])
            {
                return $"has the range \"{c}-{pattern[i]}\" whose start comes after its end";
            }
        }

        return "has a '[' without its ']'; escape it as \"\\[\" for a literal bracket";
    }
}
