namespace Tailpaste.Shared.Probes.Slo;

/// <summary>A threshold that does not follow the grammar; the message names the text, the reason and the grammar.</summary>
public sealed class SloThresholdFormatException : FormatException
{
    public SloThresholdFormatException()
    {
    }

    public SloThresholdFormatException(string message)
        : base(message)
    {
    }

    public SloThresholdFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SloThresholdFormatException(string text, string reason)
        : base($"threshold \"{Shorten(text)}\" is not valid: {reason}. {SloThresholdParser.Grammar}")
    {
        Text = text;
        Reason = reason;
    }

    /// <summary>The threshold as given.</summary>
    public string? Text { get; }

    /// <summary>What is wrong with it, without the grammar.</summary>
    public string? Reason { get; }

    // A threshold is a few characters; a pasted file should not become a megabyte-long error message.
    private static string Shorten(string text) =>
        text.Length <= MaxShownLength ? text : string.Concat(text.AsSpan(0, MaxShownLength), "…");

    private const int MaxShownLength = 80;
}
