using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// Evaluates parsed expressions the way the runner does, over contexts given as plain values: null, bool, double,
/// string, <see cref="IReadOnlyDictionary{TKey,TValue}"/> of string to value (looked up without regard to case)
/// and <see cref="IReadOnlyList{T}"/> of values. Loose equality and ordering coerce to numbers across types and
/// compare strings without case; <c>&amp;&amp;</c> and <c>||</c> return an operand; the status functions
/// (success, failure, always, cancelled) are answered by the caller, who knows the job's state.
/// </summary>
public sealed class ExpressionEvaluator
{
    private readonly IReadOnlyDictionary<string, object?> _contexts;
    private readonly Func<string, bool> _status;

    /// <param name="contexts">Context name (github, inputs, steps...) to its value.</param>
    /// <param name="status">Answers success(), failure(), always() and cancelled() by name.</param>
    public ExpressionEvaluator(IReadOnlyDictionary<string, object?> contexts, Func<string, bool>? status = null)
    {
        _contexts = new Dictionary<string, object?>(contexts, StringComparer.OrdinalIgnoreCase);
        _status = status ?? (name => name is "success" or "always");
    }

    /// <summary>Parses and evaluates one expression's inner text.</summary>
    public object? Evaluate(string expression) => Evaluate(ExpressionParser.Parse(expression));

    /// <summary>
    /// An <c>if:</c>: written bare or as one <c>${{ }}</c>; without a status function it is ANDed with success(),
    /// as the runner does.
    /// </summary>
    public bool EvaluateCondition(string? condition)
    {
        var text = string.IsNullOrWhiteSpace(condition) ? "success()" : condition.Trim();
        if (text.StartsWith("${{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))
        {
            text = text[3..^2];
        }

        var tree = ExpressionParser.Parse(text);
        var callsStatus = PropertyPath.Descendants(tree).Any(n => n is CallNode { Name: var name } && IsStatusFunction(name));
        return IsTruthy(Evaluate(tree)) && (callsStatus || _status("success"));
    }

    /// <summary>A value with every <c>${{ }}</c> replaced by its result as text (a lone expression keeps its value's type).</summary>
    public object? Interpolate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var expressions = EmbeddedExpression.FindAll(text);
        if (expressions.Count == 0)
        {
            return text;
        }

        if (expressions.Count == 1 && expressions[0].Start == 0 && expressions[0].InnerStart + expressions[0].Inner.Length + 2 == text.Length)
        {
            return Evaluate(expressions[0].Inner);
        }

        var result = new StringBuilder();
        var at = 0;
        foreach (var expression in expressions)
        {
            result.Append(text, at, expression.Start - at);
            result.Append(ToText(Evaluate(expression.Inner)));
            at = expression.InnerStart + expression.Inner.Length + 2;
        }

        return result.Append(text, Math.Min(at, text.Length), Math.Max(0, text.Length - at)).ToString();
    }

    public object? Evaluate(ExpressionNode node) => node switch
    {
        LiteralNode literal => literal.Value is long whole ? (double)whole : literal.Value,
        VariableNode variable => _contexts.TryGetValue(variable.Name, out var value) ? value : null,
        PropertyNode property => Member(Evaluate(property.Receiver), property.Name),
        IndexNode index => Index(Evaluate(index.Receiver), Evaluate(index.Index)),
        FilterNode filter => Filter(Evaluate(filter.Receiver)),
        NotNode not => !IsTruthy(Evaluate(not.Operand)),
        BinaryNode binary => Binary(binary),
        CallNode call => Call(call),
        _ => throw new NotSupportedException($"cannot evaluate {node.GetType().Name}"),
    };

    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool flag => flag,
        double number => number != 0 && !double.IsNaN(number),
        string text => text.Length > 0,
        _ => true,
    };

    /// <summary>A value as the runner splices it into a string: null is empty, numbers invariant, objects as JSON.</summary>
    public static string ToText(object? value) => value switch
    {
        null => string.Empty,
        bool flag => flag ? "true" : "false",
        double number => FormatNumber(number),
        string text => text,
        _ => ToJson(value),
    };

    private static bool IsStatusFunction(string name) =>
        name.Equals("success", StringComparison.OrdinalIgnoreCase) || name.Equals("failure", StringComparison.OrdinalIgnoreCase)
        || name.Equals("always", StringComparison.OrdinalIgnoreCase) || name.Equals("cancelled", StringComparison.OrdinalIgnoreCase);

    private object? Binary(BinaryNode node)
    {
        var left = Evaluate(node.Left);
        switch (node.Operator)
        {
            case "&&":
                return IsTruthy(left) ? Evaluate(node.Right) : left;
            case "||":
                return IsTruthy(left) ? left : Evaluate(node.Right);
        }

        var right = Evaluate(node.Right);
        return node.Operator switch
        {
            "==" => LooseEquals(left, right),
            "!=" => !LooseEquals(left, right),
            "<" => Compare(left, right) is < 0,
            "<=" => Compare(left, right) is <= 0,
            ">" => Compare(left, right) is > 0,
            ">=" => Compare(left, right) is >= 0,
            _ => throw new NotSupportedException($"unknown operator {node.Operator}"),
        };
    }

    private object? Call(CallNode call)
    {
        if (IsStatusFunction(call.Name))
        {
            return _status(call.Name.ToLowerInvariant());
        }

        var args = call.Arguments.Select(Evaluate).ToList();
        return call.Name.ToLowerInvariant() switch
        {
            "contains" => args[0] is IReadOnlyList<object?> list ? list.Any(item => LooseEquals(item, args[1])) : ToText(args[0]).Contains(ToText(args[1]), StringComparison.OrdinalIgnoreCase),
            "startswith" => ToText(args[0]).StartsWith(ToText(args[1]), StringComparison.OrdinalIgnoreCase),
            "endswith" => ToText(args[0]).EndsWith(ToText(args[1]), StringComparison.OrdinalIgnoreCase),
            "format" => Format(ToText(args[0]), args.Skip(1).ToList()),
            "join" => args[0] is IReadOnlyList<object?> items ? string.Join(args.Count > 1 ? ToText(args[1]) : ",", items.Select(ToText)) : ToText(args[0]),
            "tojson" => ToJson(args[0], indented: true),
            "fromjson" => FromJson(JsonDocument.Parse(ToText(args[0])).RootElement),
            _ => throw new NotSupportedException($"the function {call.Name} is not evaluated here"),
        };
    }

    private static object? Member(object? receiver, string name) => receiver switch
    {
        IReadOnlyDictionary<string, object?> map => Lookup(map, name),
        FilteredList list => new FilteredList(list.Items.Select(item => Member(item, name)).ToList()),
        _ => null,
    };

    private static object? Index(object? receiver, object? index) => receiver switch
    {
        IReadOnlyDictionary<string, object?> map => Lookup(map, ToText(index)),
        IReadOnlyList<object?> list when index is double at && at >= 0 && at < list.Count && at == Math.Floor(at) => list[(int)at],
        _ => null,
    };

    private static object? Lookup(IReadOnlyDictionary<string, object?> map, string name)
    {
        if (map.TryGetValue(name, out var value))
        {
            return value;
        }

        return map.FirstOrDefault(e => e.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private static FilteredList Filter(object? receiver) => receiver switch
    {
        IReadOnlyDictionary<string, object?> map => new FilteredList(map.Values.ToList()),
        IReadOnlyList<object?> list => new FilteredList(list.ToList()),
        _ => new FilteredList([]),
    };

    private static bool LooseEquals(object? left, object? right)
    {
        if (left is string a && right is string b)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }

        if (IsPrimitive(left) && IsPrimitive(right))
        {
            if (left is null && right is null)
            {
                return true;
            }

            return ToNumber(left) == ToNumber(right);
        }

        return ReferenceEquals(left, right);
    }

    private static int? Compare(object? left, object? right)
    {
        if (left is string a && right is string b)
        {
            return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        }

        var x = ToNumber(left);
        var y = ToNumber(right);
        return double.IsNaN(x) || double.IsNaN(y) ? null : x.CompareTo(y);
    }

    private static bool IsPrimitive(object? value) => value is null or bool or double or string;

    private static double ToNumber(object? value) => value switch
    {
        null => 0,
        bool flag => flag ? 1 : 0,
        double number => number,
        string text when text.Trim().Length == 0 => 0,
        string text => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN,
        _ => double.NaN,
    };

    private static string Format(string format, List<object?> args)
    {
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                result.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                result.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = format.IndexOf('}', i);
                var index = end > i && int.TryParse(format.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
                if (index < 0 || index >= args.Count)
                {
                    throw new FormatException($"format(\"{format}\") names an argument it does not have");
                }

                result.Append(ToText(args[index]));
                i = end;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string FormatNumber(double number) =>
        number == Math.Floor(number) && Math.Abs(number) < 1e15 ? ((long)number).ToString(CultureInfo.InvariantCulture) : number.ToString("R", CultureInfo.InvariantCulture);

    private static string ToJson(object? value, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case double number: writer.WriteNumberValue(number); break;
            case string text: writer.WriteStringValue(text); break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case FilteredList filtered: Write(writer, filtered.Items); break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }

    /// <summary>A JSON document as evaluator values.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => FromJson(g.Last().Value), StringComparer.OrdinalIgnoreCase) as IReadOnlyDictionary<string, object?>,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList() as IReadOnlyList<object?>,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>The result of <c>.*</c>: a list whose members' properties are taken one by one.</summary>
    private sealed class FilteredList(List<object?> items) : IReadOnlyList<object?>
    {
        public List<object?> Items { get; } = items;

        public int Count => Items.Count;

        public object? this[int index] => Items[index];

        public IEnumerator<object?> GetEnumerator() => Items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => Items.GetEnumerator();
    }
}
