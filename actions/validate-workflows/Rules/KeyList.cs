namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Formats key lists for messages: "a", "b", "c".</summary>
public static class KeyList
{
    public static string Quote(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => $"\"{k}\""));
}
