using Tailpaste.ValidateWorkflows.Expressions;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// The properties a member of a context has (<c>steps.build.outcome</c>, <c>needs.test.result</c>): reading any
/// other is reported where the property is written.
/// </summary>
internal static class MemberProperties
{
    /// <summary>Reports the property read after <c>root.member</c> when it is not one of <paramref name="known"/>; true when it did.</summary>
    public static bool ReportUnknown(ExpressionUse use, PropertyPath path, string root, IReadOnlyList<string> known, RuleContext context)
    {
        if (path.At(2) is not { } property || property == "*" || known.Contains(property, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        var at = use.At(path.Offsets[2]);
        context.Report(at, $"{root}.{path.Segments[1]} has no property \"{property}\"; expected {KeyList.Quote(known)}", at.Column + property.Length);
        return true;
    }
}
