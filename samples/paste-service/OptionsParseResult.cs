using System.Diagnostics.CodeAnalysis;

namespace Tailpaste.PasteService;

/// <summary>Either options to run with, or every configuration mistake found (each naming its variable).</summary>
public sealed record OptionsParseResult(PasteServiceOptions? Options, IReadOnlyList<string> Errors)
{
    [MemberNotNullWhen(true, nameof(Options))]
    public bool IsValid => Options is not null && Errors.Count == 0;
}
