namespace Tailpaste.ValidateWorkflows.Yaml;

/// <summary>A 1-based line and column in a source file.</summary>
public readonly record struct Position(int Line, int Column)
{
    public static Position Start { get; } = new(1, 1);

    public Position Right(int columns) => this with { Column = Column + columns };
}
