namespace Tailpaste.Shared.Actions;

/// <summary>
/// Bad input or usage. The message always names the input, the value and what was expected,
/// and the entry point turns it into exit code 2 before anything is changed.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string input, string? value, string expected)
        : base(Describe(input, value, expected))
    {
        Input = input;
        Value = value;
        Expected = expected;
    }

    public InputException()
    {
        Input = string.Empty;
        Expected = string.Empty;
    }

    public InputException(string message)
        : base(message)
    {
        Input = string.Empty;
        Expected = string.Empty;
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Input = string.Empty;
        Expected = string.Empty;
    }

    public string Input { get; }

    public string? Value { get; }

    public string Expected { get; }

    private static string Describe(string input, string? value, string expected) =>
        value is null
            ? $"Input '{input}' is required but was not given: expected {expected}."
            : $"Input '{input}' has the value '{value}': expected {expected}.";
}
