using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Schema;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// <c>runs-on</c> labels: GitHub-hosted runner names, the self-hosted labels (<c>self-hosted</c>, OS and
/// architecture), and the labels the config file lists, also under a runner group and as the values a
/// <c>${{ matrix.key }}</c> label takes. Labels of one runs-on that ask for images that do not overlap (two hosted
/// images, or an OS label and another system's image) match no runner.
/// </summary>
public sealed partial class RunnerLabelRule : Rule
{
    private static readonly HashSet<string> _selfHosted = new(StringComparer.OrdinalIgnoreCase)
    {
        "self-hosted", "linux", "windows", "macos", "x64", "x86", "arm", "arm32", "arm64",
    };

    public override string Id => "runner-label";

    public override string Description => "runs-on names GitHub-hosted runners, self-hosted labels, or labels listed under runner-labels in the config; labels of one runs-on do not ask for different images.";

    public override void VisitJob(Job job, RuleContext context)
    {
        var runsOn = job.Body.Get("runs-on");
        var labels = runsOn switch
        {
            ScalarNode one => [one],
            SequenceNode many => many.Items.OfType<ScalarNode>().ToList(),
            MappingNode group => group.Get("labels") switch
            {
                ScalarNode one => [one],
                SequenceNode many => many.Items.OfType<ScalarNode>().ToList(),
                _ => new List<ScalarNode>(),
            },
            _ => [],
        };

        // Each label with the literal labels it stands for: itself, or the matrix values of ${{ matrix.key }}.
        var resolved = labels.Where(l => !l.IsNull)
            .Select(l => l.ContainsExpression ? MatrixValues(job, l).ToList() : [l])
            .ToList();
        foreach (var label in resolved.SelectMany(r => r))
        {
            Verify(label, context);
        }

        if (labels.Count > 1)
        {
            Conflicts(resolved, context);
        }
    }

    private static void Verify(ScalarNode label, RuleContext context)
    {
        if (RunnerImages.Retired.TryGetValue(label.Value, out var retired))
        {
            context.Report(label, $"runner image \"{label.Value}\" was retired by GitHub on {retired.Retired}, so the job never starts; use \"{retired.Instead}\"");
        }
        else if (!RunnerImages.Hosted.Contains(label.Value) && !_selfHosted.Contains(label.Value) && !context.Config.RunnerLabels.Contains(label.Value))
        {
            context.Report(label, $"unknown runner label \"{label.Value}\"; use a GitHub-hosted label such as \"ubuntu-latest\", \"self-hosted\", or add it to runner-labels in .github/validate-workflows.yml");
        }
    }

    /// <summary>
    /// A job runs on one machine, which has one image: every label of one runs-on (or each value a matrix label
    /// takes) must allow an image the labels before it allow too. A label that does not is reported once.
    /// </summary>
    private static void Conflicts(List<List<ScalarNode>> resolved, RuleContext context)
    {
        var seen = new List<(ScalarNode Label, string[] Images)>();
        foreach (var group in resolved)
        {
            var fits = new List<(ScalarNode, string[])>();
            foreach (var label in group)
            {
                if (!RunnerImages.Images.TryGetValue(label.Value, out var images))
                {
                    continue;
                }

                var clash = seen.FirstOrDefault(s => !s.Images.Intersect(images, StringComparer.OrdinalIgnoreCase).Any());
                if (clash.Label is not null)
                {
                    context.Report(label, $"runner label \"{label.Value}\" conflicts with \"{clash.Label.Value}\" (line {clash.Label.Start.Line}): no runner has both; a job runs on one image, so to run on each, use a matrix");
                }
                else
                {
                    fits.Add((label, images));
                }
            }

            seen.AddRange(fits);
        }
    }

    /// <summary>
    /// For a label that is exactly <c>${{ matrix.key }}</c>, the literal values the matrix gives that key (in its
    /// list and in include entries), so a typo in the matrix is caught where it is written.
    /// </summary>
    private static IEnumerable<ScalarNode> MatrixValues(Job job, ScalarNode label)
    {
        var match = MatrixReference().Match(label.Value);
        if (!match.Success || job.Body.GetMapping("strategy")?.GetMapping("matrix") is not { } matrix)
        {
            return [];
        }

        var key = match.Groups["key"].Value;
        var values = new List<ScalarNode>();
        foreach (var (name, value) in matrix.Entries)
        {
            if (string.Equals(name.Value, key, StringComparison.OrdinalIgnoreCase) && value is SequenceNode list)
            {
                values.AddRange(list.Items.SelectMany(Scalars));
            }
            else if (name.Value == "include" && value is SequenceNode includes)
            {
                foreach (var include in includes.Items.OfType<MappingNode>())
                {
                    values.AddRange(include.Entries.Where(e => string.Equals(e.Key.Value, key, StringComparison.OrdinalIgnoreCase)).SelectMany(e => Scalars(e.Value)));
                }
            }
        }

        return values.Where(v => !v.IsNull && !v.ContainsExpression);
    }

    /// <summary>A matrix value that is one label (a list of labels in a matrix row is not looked into).</summary>
    private static IEnumerable<ScalarNode> Scalars(Node node) => node is ScalarNode one ? [one] : [];

    [GeneratedRegex(@"^\$\{\{\s*matrix\.(?<key>[A-Za-z_][A-Za-z0-9_-]*)\s*\}\}$")]
    private static partial Regex MatrixReference();
}
