using System.Text.RegularExpressions;

namespace Tailpaste.Images.Tests.Support;

/// <summary>
/// BuildKit's <c>--progress=plain</c> output read as its steps: each step is announced as
/// <c>#12 [stage 2/3] RUN …</c>, and a step taken from the cache is followed by <c>#12 CACHED</c>.
/// </summary>
internal sealed partial class BuildKitLog
{
    private readonly Dictionary<string, string> _steps;
    private readonly HashSet<string> _cached;

    private BuildKitLog(Dictionary<string, string> steps, HashSet<string> cached)
    {
        _steps = steps;
        _cached = cached;
    }

    public static BuildKitLog Parse(string output)
    {
        var steps = new Dictionary<string, string>(StringComparer.Ordinal);
        var cached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var step = Step().Match(line.TrimEnd('\r'));
            if (step.Success)
            {
                steps[step.Groups["id"].Value] = step.Groups["text"].Value;
                continue;
            }

            var hit = Cached().Match(line.TrimEnd('\r'));
            if (hit.Success)
            {
                cached.Add(hit.Groups["id"].Value);
            }
        }

        return new BuildKitLog(steps, cached);
    }

    /// <summary>Every step whose text ("[stage 2/3] RUN …") contains the given text.</summary>
    public IReadOnlyList<string> StepsContaining(string text) =>
        _steps.Where(s => s.Value.Contains(text, StringComparison.Ordinal)).Select(s => s.Key).ToList();

    public bool IsCached(string step) => _cached.Contains(step);

    public string Describe(string step) => $"#{step} {_steps[step]}";

    [GeneratedRegex(@"^#(?<id>\d+) (?<text>\[[^\]]+\] .+)$")]
    private static partial Regex Step();

    [GeneratedRegex(@"^#(?<id>\d+) CACHED$")]
    private static partial Regex Cached();
}
