namespace Tailpaste.ValidateWorkflows.Engine;

/// <summary>The files to lint, and how many the config's ignore-paths took away.</summary>
public sealed record FileSelection(IReadOnlyList<string> Files, int Ignored);
