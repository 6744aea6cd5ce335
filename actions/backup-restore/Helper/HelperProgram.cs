using Microsoft.Data.Sqlite;
using Tailpaste.Shared.Actions;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// The entry point inside a helper container (<c>backup-restore __helper &lt;operation&gt; --name value ...</c>):
/// the action starts it next to the service with the mounts one operation needs. It prints progress lines and,
/// last, one <see cref="HelperResult"/> line; it exits 0, 1 (the work failed) or 2 (nothing to work on).
/// </summary>
public static class HelperProgram
{
    public const string Verb = "__helper";

    private static readonly IReadOnlyList<IHelperOperation> _operations =
    [
        new BackupOperation(),
        new VerifyOperation(),
        new ListOperation(),
        new RemoveOperation(),
        new RecordDrillOperation(),
        new FactsOperation(),
        new ReplaceOperation(),
        new StageOperation(),
        new ProbeOperation(),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        HelperOutcome outcome;
        try
        {
            var arguments = HelperArguments.Parse(args);
            var operation = _operations.FirstOrDefault(o => o.Name == arguments.Operation)
                ?? throw new InputException("operation", arguments.Operation, "one of " + string.Join(", ", _operations.Select(o => o.Name)));
            outcome = await operation.RunAsync(arguments, stdout, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            outcome = HelperOutcome.BadInput(e.Message);
        }
#pragma warning disable CA1031 // The helper's entry point: whatever went wrong goes back to the action as one failure line.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            outcome = HelperOutcome.Failed(e is SqliteException or IOException or UnauthorizedAccessException or InvalidDataException
                ? e.Message
                : $"{e.GetType().Name}: {e.Message}");
        }

        await stdout.WriteLineAsync(HelperResult.Line(outcome.Result)).ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return outcome.ExitCode;
    }
}
