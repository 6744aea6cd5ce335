using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// Turns an action's typed outputs record into output name/value pairs: property <c>ReportPath</c>
/// becomes output <c>report-path</c>. Keeping outputs in one record means every output is written on
/// every run, and a contract test can compare the record with action.yml.
/// </summary>
public static class OutputValues
{
    public static IReadOnlyList<string> NamesOf(Type outputsType)
    {
        ArgumentNullException.ThrowIfNull(outputsType);
        return Readable(outputsType).Select(p => ToKebabCase(p.Name)).ToList();
    }

    public static IReadOnlyList<KeyValuePair<string, string>> From(object outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return Readable(outputs.GetType())
            .Select(p => new KeyValuePair<string, string>(ToKebabCase(p.Name), Format(p.GetValue(outputs))))
            .ToList();
    }

    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f and not IEnumerable => f.ToString(null, CultureInfo.InvariantCulture),
        // A structured output (a JSON array, say) is serialised by the action with its own source-generated context.
        _ => throw new ArgumentException($"An output value of type {value.GetType().Name} must be given as text (serialise it first).", nameof(value)),
    };

    public static string ToKebabCase(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var text = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && (!char.IsUpper(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static IEnumerable<PropertyInfo> Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");
}
