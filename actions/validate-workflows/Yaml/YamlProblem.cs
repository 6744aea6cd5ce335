namespace Tailpaste.ValidateWorkflows.Yaml;

/// <summary>Why a file could not be loaded (or a part of it was dropped), with where.</summary>
/// <param name="Kind">Syntax for a YAML error; Limit when a <see cref="YamlLimits"/> bound stopped the loader.</param>
public sealed record YamlProblem(YamlProblemKind Kind, Position Position, string Message);

public enum YamlProblemKind
{
    Syntax,
    Limit,
}
