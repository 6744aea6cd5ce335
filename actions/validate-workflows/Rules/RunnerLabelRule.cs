using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Schema;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// <c>runs-on</c> labels: GitHub-hosted runner names, the self-hosted labels (<c>self-hosted</c>, OS and
/// architecture), and the labels the config file lists; a GitHub-hosted label cannot be combined with self-hosted.
/// </summary>
public sealed partial class RunnerLabelRule : Rule
{
    private static readonly HashSet<string> _selfHosted = new(StringComparer.OrdinalIgnoreCase)
    {
        "self-hosted", "linux", "windows", "macos", "x64", "x86", "arm", "arm32", "arm64",
    };

    public override string Id => "runner-label";

    public override string Description => "runs-on names GitHub-hosted runners, self-hosted labels, or labels listed under runner-labels in the config.";

    public override void VisitJob(Job job, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(context);
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
        if (runsOn is MappingNode)
        {
            // Runner groups hold larger or self-hosted runners with any labels the organisation chose.
            return;
        }

        var known = labels.Where(l => !l.IsNull && !l.ContainsExpression).ToList();
        foreach (var label in known.Concat(labels.SelectMany(l => MatrixValues(job, l))))
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

        Conflicts(job, known, labels, context);
        var hosted = known.FirstOrDefault(l => RunnerImages.Hosted.Contains(l.Value));
        if (hosted is not null && known.Count > 1 && known.Any(l => !RunnerImages.Hosted.Contains(l.Value) && _selfHosted.Contains(l.Value)))
        {
            context.Report(hosted, $"GitHub-hosted runner label \"{hosted.Value}\" cannot be combined with self-hosted labels");
        }
    }

    /// <summary>
    /// A job runs on one machine, which has one image: two different GitHub-hosted images in one runs-on (written
    /// out, or one of them coming from the matrix) match no runner at all.
    /// </summary>
    private static void Conflicts(Job job, List<ScalarNode> known, List<ScalarNode> labels, RuleContext context)
    {
        var images = known.Where(l => RunnerImages.Hosted.Contains(l.Value)).ToList();
        for (var i = 1; i < images.Count; i++)
        {
            if (!images[i].Value.Equals(images[0].Value, StringComparison.OrdinalIgnoreCase))
            {
                context.Report(images[i], $"runner label \"{images[i].Value}\" conflicts with \"{images[0].Value}\" (line {images[0].Start.Line}): a job runs on one image; to run on each, use a matrix");
            }
        }

        if (images.Count == 0 || labels.Count < 2)
        {
            return;
        }

        foreach (var value in labels.SelectMany(l => MatrixValues(job, l)).Where(v => RunnerImages.Hosted.Contains(v.Value)))
        {
            if (!value.Value.Equals(images[0].Value, StringComparison.OrdinalIgnoreCase))
            {
                context.Report(value, $"matrix value \"{value.Value}\" conflicts with runner label \"{images[0].Value}\" (line {images[0].Start.Line}) in the same runs-on: a job runs on one image");
            }
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

    /// <summary>A matrix value used as runs-on is one label or a list of labels.</summary>
    private static IEnumerable<ScalarNode> Scalars(Node node) => node switch
    {
        ScalarNode one => [one],
        SequenceNode many => many.Items.OfType<ScalarNode>(),
        _ => [],
    };

    [GeneratedRegex(@"^\$\{\{\s*matrix\.(?<key>[A-Za-z_][A-Za-z0-9_-]*)\s*\}\}$")]
    private static partial Regex MatrixReference();
}
