namespace Tailpaste.BackupRestore.Helper;

/// <summary>What one helper operation hands back: its exit code (0, 1 or 2) and its result document.</summary>
public sealed record HelperOutcome(int ExitCode, object Result)
{
    public static HelperOutcome Ok(object result) => new(0, result);

    public static HelperOutcome Failed(string error) => new(1, new HelperFailure(error));

    public static HelperOutcome BadInput(string error) => new(2, new HelperFailure(error));
}
