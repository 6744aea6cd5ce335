namespace Tailpaste.ValidateWorkflows.Findings;

/// <summary>
/// A kind of finding as users see it: the id they write in <c>disabled-rules</c> and ignore comments, what it
/// checks, and its severity. Rules have one each; the loader and the linter report a few of their own.
/// </summary>
public sealed record CheckInfo(string Id, string Description, Severity Severity);
