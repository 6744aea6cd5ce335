using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// <c>runs-on</c> labels: GitHub-hosted runner names, the self-hosted labels (<c>self-hosted</c>, OS and
/// architecture), and the labels the config file lists; a GitHub-hosted label cannot be combined with self-hosted.
/// </summary>
public sealed class RunnerLabelRule : Rule
{
    private static readonly HashSet<string> _hosted = new(StringComparer.OrdinalIgnoreCase)
    {
        "ubuntu-latest", "ubuntu-24.04", "ubuntu-22.04", "ubuntu-20.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "ubuntu-slim",
        "windows-latest", "windows-2025", "windows-2022", "windows-2019", "windows-11-arm", "windows-latest-8-cores",
        "macos-latest", "macos-26", "macos-15", "macos-14", "macos-13", "macos-12",
        "macos-latest-large", "macos-15-large", "macos-14-large", "macos-13-large",
        "macos-latest-xlarge", "macos-15-xlarge", "macos-14-xlarge", "macos-13-xlarge", "macos-15-intel",
    };

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
        foreach (var label in known)
        {
            if (!_hosted.Contains(label.Value) && !_selfHosted.Contains(label.Value) && !context.Config.RunnerLabels.Contains(label.Value))
            {
                context.Report(label, $"unknown runner label \"{label.Value}\"; use a GitHub-hosted label such as \"ubuntu-latest\", \"self-hosted\", or add it to runner-labels in .github/validate-workflows.yml");
            }
        }

        var hosted = known.FirstOrDefault(l => _hosted.Contains(l.Value));
        if (hosted is not null && known.Count > 1 && known.Any(l => !_hosted.Contains(l.Value) && _selfHosted.Contains(l.Value)))
        {
            context.Report(hosted, $"GitHub-hosted runner label \"{hosted.Value}\" cannot be combined with self-hosted labels");
        }
    }
}
