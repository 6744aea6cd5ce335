using System.Text.RegularExpressions;

namespace Tailpaste.PasteService.Tests;

/// <summary>The one-line answer to an upload: <c>http://host:port/&lt;10 letters or digits&gt;\n</c>.</summary>
internal static partial class PasteUrl
{
    public static string IdOf(string responseBody, Uri baseUrl)
    {
        var match = Pattern().Match(responseBody);
        Assert.True(match.Success, $"Upload answer is not one URL line: \"{responseBody}\"");
        Assert.Equal(baseUrl.GetLeftPart(UriPartial.Authority), match.Groups["base"].Value);
        return match.Groups["id"].Value;
    }

    [GeneratedRegex(@"^(?<base>http://[^/\s]+)/(?<id>[A-Za-z0-9]{10})\n\z")]
    private static partial Regex Pattern();
}
