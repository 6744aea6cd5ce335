namespace Tailpaste.BackupRestore;

/// <summary>Who runs the action: written into manifests and onto the service lock.</summary>
/// <param name="Workflow">GITHUB_WORKFLOW, or <c>cli</c> outside a run.</param>
/// <param name="RunId">GITHUB_RUN_ID, or process id and machine outside a run.</param>
/// <param name="Actor">GITHUB_ACTOR, or the user outside a run.</param>
public sealed record RunIdentity(string Workflow, string RunId, string Actor);
