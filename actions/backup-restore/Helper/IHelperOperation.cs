namespace Tailpaste.BackupRestore.Helper;

/// <summary>One thing the helper container does inside the mounts the action gave it.</summary>
public interface IHelperOperation
{
    string Name { get; }

    Task<HelperOutcome> RunAsync(HelperArguments arguments, TextWriter log, CancellationToken cancellationToken);
}
