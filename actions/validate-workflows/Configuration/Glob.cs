using System.Text;
using System.Text.RegularExpressions;

namespace Tailpaste.ValidateWorkflows.Configuration;

/// <summary>Path globs over '/'-separated relative paths: <c>*</c> within a folder, <c>**</c> across folders, <c>?</c> one character.</summary>
public static class Glob
{
    public static bool IsPattern(string text) => text.IndexOfAny(['*', '?', '[']) >= 0;

    public static Regex ToRegex(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var pattern = new StringBuilder("^");
        var text = glob.Replace('\\', '/');
        if (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (c == '?')
            {
                pattern.Append("[^/]");
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
