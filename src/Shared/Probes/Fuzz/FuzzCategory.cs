namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>The families of hostile requests the catalogue covers.</summary>
public enum FuzzCategory
{
    Baseline,
    PathTraversal,
    SqlMetacharacters,
    ShellMetacharacters,
    Reflection,
    CrlfInjection,
    OversizedHeaders,
    InvalidUtf8,
    HugeBody,
    TruncatedBody,
    WrongMethod,
}
