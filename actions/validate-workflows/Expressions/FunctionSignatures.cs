using T = Tailpaste.ValidateWorkflows.Expressions.ExpressionType;

namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// The typed signatures of GitHub's expression functions, overloads included (<c>contains</c> takes a string or
/// an array; <c>join</c> an array, with an optional separator; <c>hashFiles</c> any number of patterns).
/// </summary>
public static class FunctionSignatures
{
    public static IReadOnlyDictionary<string, IReadOnlyList<FunctionSignature>> All { get; } = new Dictionary<string, IReadOnlyList<FunctionSignature>>(StringComparer.OrdinalIgnoreCase)
    {
        ["contains"] = [new("contains", T.Bool, [T.String, T.String]), new("contains", T.Bool, [new ArrayType(T.Any), T.Any])],
        ["startsWith"] = [new("startsWith", T.Bool, [T.String, T.String])],
        ["endsWith"] = [new("endsWith", T.Bool, [T.String, T.String])],
        ["format"] = [new("format", T.String, [T.String, T.Any], Variadic: true)],
        // GitHub also joins a lone string (returning it unchanged); that is always a mistake, as actionlint says.
        ["join"] = [new("join", T.String, [new ArrayType(T.String), T.String], Optional: 1)],
        ["toJSON"] = [new("toJSON", T.String, [T.Any])],
        ["fromJSON"] = [new("fromJSON", T.Any, [T.String])],
        ["hashFiles"] = [new("hashFiles", T.String, [T.String], Variadic: true)],
        ["success"] = [new("success", T.Bool, [])],
        ["always"] = [new("always", T.Bool, [])],
        ["cancelled"] = [new("cancelled", T.Bool, [])],
        ["failure"] = [new("failure", T.Bool, [])],
        ["case"] = [new("case", T.Any, [T.Bool, T.Any, T.Any], Variadic: true)],
    };
}

/// <summary>One overload: its parameter types, how many trailing ones are optional, and whether the last repeats.</summary>
public sealed record FunctionSignature(string Name, T Returns, IReadOnlyList<T> Parameters, int Optional = 0, bool Variadic = false)
{
    public bool Fits(int arguments) =>
        arguments >= Parameters.Count - Optional && (Variadic || arguments <= Parameters.Count);

    public T Parameter(int index) => Parameters[Math.Min(index, Parameters.Count - 1)];

    public override string ToString() => $"{Name}({string.Join(", ", Parameters)}{(Variadic ? "..." : string.Empty)}) -> {Returns}";
}
