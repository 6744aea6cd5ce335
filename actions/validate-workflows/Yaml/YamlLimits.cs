namespace Tailpaste.ValidateWorkflows.Yaml;

/// <summary>
/// Bounds that keep hostile input (alias bombs, absurd nesting, huge files) cheap: the loader stops with a
/// finding instead of expanding or recursing without end.
/// </summary>
public sealed record YamlLimits(int MaxDepth = 100, long MaxNodes = 200_000, int MaxBytes = 4 * 1024 * 1024)
{
    public static YamlLimits Default { get; } = new();
}
