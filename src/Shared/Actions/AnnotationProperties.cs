namespace Tailpaste.Shared.Actions;

/// <summary>Where an annotation points: file and position, plus an optional title.</summary>
public sealed record AnnotationProperties(
    string? File = null,
    int? StartLine = null,
    int? StartColumn = null,
    int? EndLine = null,
    int? EndColumn = null,
    string? Title = null);
