namespace Tailpaste.Shared.Actions;

/// <summary>One output as action.yml declares it.</summary>
public sealed record ActionOutput(string Name, string Description);
