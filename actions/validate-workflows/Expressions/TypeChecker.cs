using System.Text.Json;
using T = Tailpaste.ValidateWorkflows.Expressions.ExpressionType;

namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// Infers the type of a parsed expression and collects what cannot work: a property a strict object does not
/// have, a property or index on a value that is not an object or array, a function argument of the wrong type,
/// a comparison whose operands can never compare as meant, a broken JSON literal given to <c>fromJSON</c>, and a
/// <c>format</c> argument no placeholder uses. Each problem carries the offset of the sub-expression at fault.
/// </summary>
public sealed class TypeChecker
{
    private readonly IReadOnlyDictionary<string, T> _contexts;
    private readonly List<(int Offset, string Message)> _problems = [];

    private TypeChecker(IReadOnlyDictionary<string, T> contexts)
    {
        _contexts = contexts;
    }

    public IReadOnlyList<(int Offset, string Message)> Problems => _problems;

    /// <summary>Checks <paramref name="tree"/> with the given context types; returns its type and the problems found.</summary>
    public static (T Type, IReadOnlyList<(int Offset, string Message)> Problems) Check(ExpressionNode tree, IReadOnlyDictionary<string, T> contexts)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var checker = new TypeChecker(contexts);
        var type = checker.Visit(tree);
        return (type, checker._problems);
    }

    private T Visit(ExpressionNode node) => node switch
    {
        LiteralNode literal => literal.Value switch
        {
            null => T.Null,
            bool => T.Bool,
            string => T.String,
            _ => T.Number,
        },
        VariableNode variable => _contexts.TryGetValue(variable.Name, out var context) ? context : T.Any,
        PropertyNode property => Property(property),
        IndexNode index => Index(index),
        FilterNode filter => Filter(filter),
        CallNode call => Call(call),
        NotNode not => NotOf(not),
        BinaryNode binary => Binary(binary),
        _ => T.Any,
    };

    private T NotOf(NotNode not)
    {
        Visit(not.Operand);
        return T.Bool;
    }

    private T Property(PropertyNode property)
    {
        var receiver = Visit(property.Receiver);
        return Dereference(receiver, property.Name, Start(property));
    }

    private T Dereference(T receiver, string name, int offset)
    {
        switch (receiver)
        {
            case AnyType:
                return T.Any;
            case ObjectType obj:
                if (obj.Property(name) is { } type)
                {
                    return type;
                }

                _problems.Add((offset, $"property \"{name}\" is not defined in object type {obj}"));
                return T.Any;
            case ArrayType { Element: var element }:
                // After a filter (a.*.b), a property applies to every element.
                return new ArrayType(element is ObjectType or AnyType ? Dereference(element, name, offset) : T.Any);
            default:
                _problems.Add((offset, $"receiver of object dereference \"{name}\" must be type of object but got \"{receiver}\""));
                return T.Any;
        }
    }

    private T Index(IndexNode index)
    {
        var receiver = Visit(index.Receiver);
        var key = Visit(index.Index);
        switch (receiver)
        {
            case AnyType:
                return T.Any;
            case ObjectType obj:
                if (index.Index is LiteralNode { Value: string name })
                {
                    return Dereference(obj, name, Start(index));
                }

                if (key is not (StringType or AnyType))
                {
                    _problems.Add((index.Index.Offset, $"property access of object must be type of string but got \"{key}\""));
                    return T.Any;
                }

                return obj.Mapped ?? T.Any;
            case ArrayType array:
                if (key is not (NumberType or AnyType))
                {
                    _problems.Add((index.Index.Offset, $"index access of array must be type of number but got \"{key}\""));
                }

                return array.Element;
            default:
                _problems.Add((index.Index.Offset, $"index access operand must be type of object or array but got \"{receiver}\""));
                return T.Any;
        }
    }

    private T Filter(FilterNode filter)
    {
        var receiver = Visit(filter.Receiver);
        return receiver switch
        {
            ArrayType array => new ArrayType(array.Element),
            ObjectType { Mapped: { } mapped } => new ArrayType(mapped),
            ObjectType obj when obj.IsStrict && obj.Properties.Count > 0 => new ArrayType(obj.Properties.Values.Aggregate(T.Merge)),
            ObjectType or AnyType => new ArrayType(T.Any),
            _ => Fail(filter.Offset, $"receiver of object filtering \".*\" must be type of array or object but got \"{receiver}\""),
        };
    }

    private T Call(CallNode call)
    {
        var arguments = call.Arguments.Select(Visit).ToList();
        if (!FunctionSignatures.All.TryGetValue(call.Name, out var overloads))
        {
            return T.Any;
        }

        // Arity is the expression-function rule's: check types only when some overload has this many parameters.
        var fitting = overloads.Where(o => o.Fits(arguments.Count)).ToList();
        if (fitting.Count == 0)
        {
            return overloads[0].Returns;
        }

        var problems = new List<(int, string)>();
        foreach (var overload in fitting)
        {
            problems.Clear();
            for (var i = 0; i < arguments.Count; i++)
            {
                var parameter = overload.Parameter(i);
                if (!parameter.Accepts(arguments[i]))
                {
                    problems.Add((call.Arguments[i].Offset, $"{Ordinal(i + 1)} argument of function call is not assignable. \"{arguments[i]}\" cannot be assigned to \"{parameter}\". called function type is \"{overload}\""));
                }
            }

            if (problems.Count == 0)
            {
                return Special(call, overload.Returns);
            }
        }

        _problems.AddRange(problems);
        return fitting[^1].Returns;
    }

    /// <summary>fromJSON of a literal is checked and typed from the JSON; format's arguments must each be used.</summary>
    private T Special(CallNode call, T returns)
    {
        if (call.Name.Equals("fromJSON", StringComparison.OrdinalIgnoreCase) && call.Arguments[0] is LiteralNode { Value: string json } literal)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                return OfJson(document.RootElement);
            }
            catch (JsonException e)
            {
                _problems.Add((literal.Offset, $"broken JSON string is passed to fromJSON() at offset {e.BytePositionInLine ?? 0}: {e.Message.Split(" LineNumber", 2)[0]}"));
                return T.Any;
            }
        }

        if (call.Name.Equals("format", StringComparison.OrdinalIgnoreCase) && call.Arguments[0] is LiteralNode { Value: string pattern })
        {
            for (var i = 0; i < call.Arguments.Count - 1; i++)
            {
                if (!pattern.Contains("{" + i + "}", StringComparison.Ordinal))
                {
                    _problems.Add((call.Offset, $"format string \"{pattern}\" does not contain placeholder {{{i}}}. remove argument which is unused in the format string"));
                }
            }
        }

        return returns;
    }

    /// <summary>
    /// The type of <paramref name="node"/> when its value is known to be truthy (or falsy): <c>a &amp;&amp; b</c> that is
    /// truthy is <c>b</c>, <c>a || b</c> that is falsy is <c>b</c>. So <c>cond &amp;&amp; 60 || 30</c> is a number.
    /// </summary>
    private T Narrowed(ExpressionNode node, bool truthy) => node switch
    {
        BinaryNode { Operator: "&&" } both when truthy => VisitBoth(both.Left, both.Right),
        BinaryNode { Operator: "||" } either when !truthy => VisitBoth(either.Left, either.Right),
        // As actionlint types it: the operand narrowed the other way (so "!a || 5" is typed like "a && 5").
        NotNode not => Narrowed(not.Operand, !truthy),
        _ => Visit(node),
    };

    /// <summary>Checks both operands; the type is the right one's.</summary>
    private T VisitBoth(ExpressionNode left, ExpressionNode right)
    {
        Visit(left);
        return Visit(right);
    }

    private T Binary(BinaryNode binary)
    {
        switch (binary.Operator)
        {
            case "&&":
                return T.Merge(Narrowed(binary.Left, truthy: false), Visit(binary.Right));
            case "||":
                return T.Merge(Narrowed(binary.Left, truthy: true), Visit(binary.Right));
        }

        var left = Visit(binary.Left);
        var right = Visit(binary.Right);
        switch (binary.Operator)
        {
            case "==" or "!=":
                if (!Equatable(left, right))
                {
                    _problems.Add((Start(binary.Left), $"\"{left}\" value cannot be compared to \"{right}\" value with \"{binary.Operator}\" operator"));
                }

                return T.Bool;
            default:
                if (!Orderable(left) || !Orderable(right))
                {
                    _problems.Add((Start(binary.Left), $"\"{left}\" value cannot be compared to \"{right}\" value with \"{binary.Operator}\" operator"));
                }

                return T.Bool;
        }
    }

    /// <summary>Objects and arrays equal only themselves: compared with another kind of value they are never equal.</summary>
    private static bool Equatable(T left, T right) =>
        left is AnyType || right is AnyType || (left is not (ObjectType or ArrayType) && right is not (ObjectType or ArrayType))
        || (left is ObjectType && right is ObjectType) || (left is ArrayType && right is ArrayType);

    /// <summary>Ordering makes sense for numbers and strings only (both convert to numbers).</summary>
    private static bool Orderable(T type) => type is AnyType or NumberType or StringType;

    private T Fail(int offset, string message)
    {
        _problems.Add((offset, message));
        return T.Any;
    }

    private static T OfJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ObjectType.Strict(element.EnumerateObject().Select(p => new KeyValuePair<string, T>(p.Name, OfJson(p.Value)))),
        JsonValueKind.Array => new ArrayType(element.EnumerateArray().Select(OfJson).DefaultIfEmpty(T.Any).Aggregate(T.Merge)),
        JsonValueKind.String => T.String,
        JsonValueKind.Number => T.Number,
        JsonValueKind.True or JsonValueKind.False => T.Bool,
        JsonValueKind.Null => T.Null,
        _ => T.Any,
    };

    /// <summary>Where a chain starts (a.b.c is reported at a), as actionlint reports property errors.</summary>
    private static int Start(ExpressionNode node) => node switch
    {
        PropertyNode p => Start(p.Receiver),
        IndexNode i => Start(i.Receiver),
        FilterNode f => Start(f.Receiver),
        BinaryNode b => Start(b.Left),
        _ => node.Offset,
    };

    private static string Ordinal(int n) => n switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => $"{n}th",
    };
}
