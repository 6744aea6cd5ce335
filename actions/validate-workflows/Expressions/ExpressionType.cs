namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// The static type of an expression value: any, null, number, bool, string, an array of one element type, or an
/// object. An object is strict (its properties are all known: reading another one is a mistake), loose (any
/// property may exist), or a map (every property has the same type, like <c>env</c>). Property names compare
/// case-insensitively, as GitHub reads them.
/// </summary>
public abstract record ExpressionType
{
    public static ExpressionType Any { get; } = new AnyType();

    public static ExpressionType Null { get; } = new NullType();

    public static ExpressionType Number { get; } = new NumberType();

    public static ExpressionType Bool { get; } = new BoolType();

    public static ExpressionType String { get; } = new StringType();

    /// <summary>Whether a value of type <paramref name="value"/> can be given where this type is expected.</summary>
    public abstract bool Accepts(ExpressionType value);

    /// <summary>
    /// Two objects merge into one with the properties of both (a common one merged): strict when both are, so
    /// matrix entries written with different keys still catch a typo; loose otherwise.
    /// </summary>
    private static ExpressionType MergeObjects(ObjectType x, ObjectType y)
    {
        var properties = new Dictionary<string, ExpressionType>(x.Properties, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, type) in y.Properties)
        {
            properties[name] = properties.TryGetValue(name, out var known) ? Merge(known, type) : type;
        }

        return x.IsStrict && y.IsStrict ? ObjectType.Strict(properties) : ObjectType.Loose(properties);
    }

    /// <summary>
    /// The type two branches (<c>a || b</c>) can give: the one type when they agree; a string when one is a string
    /// and the other a number or a boolean (both print as text); the merged element type for two arrays; an object
    /// for two objects; any otherwise (null merged with anything else included).
    /// </summary>
    public static ExpressionType Merge(ExpressionType a, ExpressionType b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a is AnyType || b is AnyType)
        {
            return Any;
        }

        if (a == b || (a.GetType() == b.GetType() && a is not ObjectType and not ArrayType))
        {
            return a;
        }

        return (a, b) switch
        {
            (StringType, NumberType or BoolType) => a,
            (NumberType or BoolType, StringType) => b,
            (ArrayType { Element: AnyType }, ArrayType) => a,
            (ArrayType, ArrayType { Element: AnyType }) => b,
            (ArrayType x, ArrayType y) => new ArrayType(Merge(x.Element, y.Element)),
            (ObjectType x, ObjectType y) => MergeObjects(x, y),
            _ => Any,
        };
    }
}

public sealed record AnyType : ExpressionType
{
    public override bool Accepts(ExpressionType value) => true;

    public override string ToString() => "any";
}

public sealed record NullType : ExpressionType
{
    public override bool Accepts(ExpressionType value) => value is NullType or AnyType;

    public override string ToString() => "null";
}

public sealed record NumberType : ExpressionType
{
    public override bool Accepts(ExpressionType value) => value is NumberType or AnyType;

    public override string ToString() => "number";
}

/// <summary>Every value converts to a boolean (its truthiness), so a bool parameter accepts anything.</summary>
public sealed record BoolType : ExpressionType
{
    public override bool Accepts(ExpressionType value) => true;

    public override string ToString() => "bool";
}

/// <summary>Strings accept numbers too (they print as their digits); objects, arrays, booleans and null do not.</summary>
public sealed record StringType : ExpressionType
{
    public override bool Accepts(ExpressionType value) => value is StringType or NumberType or AnyType;

    public override string ToString() => "string";
}

public sealed record ArrayType(ExpressionType Element) : ExpressionType
{
    public override bool Accepts(ExpressionType value) => value is AnyType || (value is ArrayType other && Element.Accepts(other.Element));

    public override string ToString() => $"array<{Element}>";
}

public sealed record ObjectType : ExpressionType
{
    private ObjectType(IReadOnlyDictionary<string, ExpressionType> properties, ExpressionType? mapped, bool strict)
    {
        Properties = properties;
        Mapped = mapped;
        IsStrict = strict;
    }

    /// <summary>The known properties, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, ExpressionType> Properties { get; }

    /// <summary>For a map such as <c>env</c>: the type of every property; otherwise null.</summary>
    public ExpressionType? Mapped { get; }

    /// <summary>Only the known properties exist.</summary>
    public bool IsStrict { get; }

    public static ObjectType Strict(IEnumerable<KeyValuePair<string, ExpressionType>> properties) => new(Dictionary(properties), null, strict: true);

    public static ObjectType Loose(IEnumerable<KeyValuePair<string, ExpressionType>>? properties = null) => new(Dictionary(properties ?? []), null, strict: false);

    public static ObjectType MapOf(ExpressionType element) => new(Dictionary([]), element, strict: false);

    /// <summary>The type of a property, or null when a strict object has no such property.</summary>
    public ExpressionType? Property(string name)
    {
        if (Properties.TryGetValue(name, out var type))
        {
            return type;
        }

        return Mapped ?? (IsStrict ? null : Any);
    }

    public override bool Accepts(ExpressionType value) => value is ObjectType or AnyType;

    public bool Equals(ObjectType? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public override string ToString()
    {
        if (Mapped is { } mapped)
        {
            return $"{{string => {mapped}}}";
        }

        if (!IsStrict)
        {
            return "object";
        }

        return "{" + string.Join("; ", Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")) + "}";
    }

    private static Dictionary<string, ExpressionType> Dictionary(IEnumerable<KeyValuePair<string, ExpressionType>> properties)
    {
        var result = new Dictionary<string, ExpressionType>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, type) in properties)
        {
            result.TryAdd(name, type);
        }

        return result;
    }
}
