using YamlDotNet.Core;

namespace Tailpaste.ValidateWorkflows.Yaml;

/// <summary>A scalar (string, number, boolean or null) with its source style.</summary>
public sealed class ScalarNode : Node
{
    public ScalarNode(string value, ScalarStyle style, Position start, Position end)
        : base(start, end)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>A YAML null: an empty plain value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool IsBoolean => IsPlain && Value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

    public bool ContainsExpression => Value.Contains("${{", StringComparison.Ordinal);

    /// <summary>
    /// The whole value is one <c>${{ }}</c> (surrounding whitespace aside): what GitHub accepts where a value of
    /// another type (a boolean, a number, a mapping, a sequence) is expected.
    /// </summary>
    public bool IsSingleExpression
    {
        get
        {
            var text = Value.AsSpan().Trim();
            return text.StartsWith("${{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal);
        }
    }

    public override string KindName => IsNull ? "null" : "string";

    public override string ToString() => Value;
}
