using System.Text;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Probes;

/// <summary>Short, printable, one-line excerpts of what a service answered, for a probe's findings and step details.</summary>
public static class ProbeText
{
    public const int ExcerptLength = 80;

    /// <summary>The start of a body as one line: invalid UTF-8 replaced, control characters escaped, command markers broken.</summary>
    public static string Excerpt(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, ExcerptLength * 4)]);
        return Excerpt(text);
    }

    /// <summary>The start of a text as one line: control characters escaped, command markers broken.</summary>
    public static string Excerpt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (builder.Length >= ExcerptLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(rune.Value switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when Rune.IsControl(rune) => $"\\x{rune.Value:x2}",
                _ => rune.ToString(),
            });
        }

        return UntrustedText.Neutralise(builder.ToString());
    }
}
