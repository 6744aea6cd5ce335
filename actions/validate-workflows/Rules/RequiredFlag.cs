using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>The <c>required:</c> of an input or secret declaration is a YAML boolean (GitHub rejects "yes" or "maybe").</summary>
internal static class RequiredFlag
{
    public static void Check(MappingNode declaration, string what, RuleContext context)
    {
        if (declaration.Get("required") is not { } required)
        {
            return;
        }

        if (required is ScalarNode scalar && (scalar.IsBoolean || scalar.ContainsExpression))
        {
            return;
        }

        var shown = required is ScalarNode text ? $"\"{text.Value}\"" : $"a {required.KindName}";
        context.Report(required, $"\"required\" of {what} must be true or false, not {shown}");
    }
}
