using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Tests.Support;

/// <summary>Assertions on findings that print every finding when they fail.</summary>
internal static class Expect
{
    public static Finding At(IReadOnlyList<Finding> findings, string rule, int line, int column)
    {
        var match = findings.FirstOrDefault(f => f.Rule == rule && f.Line == line && f.Column == column);
        Assert.True(match is not null, $"expected [{rule}] at {line}:{column}; got:\n{Describe(findings)}");
        return match!;
    }

    public static void None(IReadOnlyList<Finding> findings, string rule) =>
        Assert.True(findings.All(f => f.Rule != rule), $"expected no [{rule}]; got:\n{Describe(findings)}");

    public static void Count(IReadOnlyList<Finding> findings, string rule, int count) =>
        Assert.True(findings.Count(f => f.Rule == rule) == count, $"expected {count} [{rule}]; got:\n{Describe(findings)}");

    public static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.Line}:{f.Column} [{f.Rule}] {f.Message}"));
}
