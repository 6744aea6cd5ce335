namespace Tailpaste.TestKit;

/// <summary>How a run of the service that was expected to end, ended.</summary>
public sealed record PasteServiceRun(int ExitCode, IReadOnlyList<string> StandardOutput, IReadOnlyList<string> StandardError)
{
    public string AllOutput => string.Join('\n', StandardOutput.Concat(StandardError));
}
