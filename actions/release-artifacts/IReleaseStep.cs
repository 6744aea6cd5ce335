namespace Tailpaste.ReleaseArtifacts;

/// <summary>One step of a release run, over the state the steps share. Steps run in a fixed order.</summary>
public interface IReleaseStep
{
    /// <summary>The name of the step's log group.</summary>
    string Name { get; }

    /// <summary>True when the step was asked for.</summary>
    bool Selected { get; }

    /// <summary>Does the step's work.</summary>
    Task RunAsync(ReleaseState state, CancellationToken cancellationToken);

    /// <summary>When not selected: picks up what an earlier job left in output-dir (steps in separate jobs).</summary>
    Task SkipAsync(ReleaseState state, CancellationToken cancellationToken);
}
