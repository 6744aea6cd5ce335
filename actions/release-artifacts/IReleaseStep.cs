namespace Tailpaste.ReleaseArtifacts;

/// <summary>
/// One step of a release run, over the state the steps share. Every step is prepared before any step runs,
/// so bad input is found before the first file is written; then the selected steps run in a fixed order.
/// </summary>
public interface IReleaseStep
{
    /// <summary>The name of the step's log group.</summary>
    string Name { get; }

    /// <summary>True when the step was asked for.</summary>
    bool Selected { get; }

    /// <summary>
    /// Checks what the step will need and write, and, when it was not asked for, picks up what an earlier job
    /// left in output-dir. Writes nothing; bad input is an <see cref="Tailpaste.Shared.Actions.InputException"/>.
    /// </summary>
    Task PrepareAsync(ReleaseState state, CancellationToken cancellationToken);

    /// <summary>Does the step's work (only when selected).</summary>
    Task RunAsync(ReleaseState state, CancellationToken cancellationToken);
}
