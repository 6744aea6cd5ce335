namespace Tailpaste.ReleaseArtifacts.Git;

/// <summary>What one git invocation printed and how it ended.</summary>
public sealed record GitResult(IReadOnlyList<string> Arguments, int ExitCode, string Stdout, string Stderr);
