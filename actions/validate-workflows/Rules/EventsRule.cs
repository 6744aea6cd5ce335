using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Schema;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Known events, known activity types, and filters that do not exclude each other.</summary>
public sealed class EventsRule : Rule
{
    private static readonly (string Include, string Exclude)[] _exclusivePairs =
        [("branches", "branches-ignore"), ("tags", "tags-ignore"), ("paths", "paths-ignore")];

    public override string Id => "events";

    public override string Description => "Triggers name real events and activity types, never combine a filter with its -ignore twin, and workflow_run names the workflows it follows.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        foreach (var trigger in workflow.Triggers)
        {
            var name = trigger.Name.Value;
            if (!Events.ActivityTypes.TryGetValue(name, out var types))
            {
                var hint = Events.ActivityTypes.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase) || string.Equals(k, name.Replace('-', '_'), StringComparison.Ordinal));
                context.Report(trigger.Name, hint is null ? $"unknown event \"{name}\"" : $"unknown event \"{name}\"; did you mean \"{hint}\"?");
                continue;
            }

            // workflow_run fires when one of the named workflows runs: naming none, it never fires.
            if (name == "workflow_run" && trigger.Filters?.Get("workflows") is not (ScalarNode { IsNull: false } or SequenceNode { Items.Count: > 0 }))
            {
                context.Report(trigger.Name, "no workflow is configured for \"workflow_run\" event; list the workflows under \"workflows:\", or it never fires");
            }

            if (trigger.Filters is not { } filters)
            {
                continue;
            }

            foreach (var (include, exclude) in _exclusivePairs)
            {
                if (filters.KeyOf(include) is { } first && filters.KeyOf(exclude) is { } second)
                {
                    var later = second.Start.Line >= first.Start.Line ? second : first;
                    context.Report(later, $"\"{include}\" and \"{exclude}\" cannot both be used for the same event \"{name}\"; put the exclusions in \"{include}\" with a leading '!'");
                }
            }

            if (types is { Length: 0 } && filters.Has("types"))
            {
                context.Report(trigger.Name, $"\"types\" cannot be specified for the \"{name}\" event: it has no activity types");
                continue;
            }

            if (types is not null && filters.Get("types") is { } typesNode)
            {
                var given = typesNode switch
                {
                    ScalarNode one => [one],
                    SequenceNode many => many.Items.OfType<ScalarNode>().ToList(),
                    _ => new List<ScalarNode>(),
                };
                foreach (var type in given.Where(t => !t.IsNull && !types.Contains(t.Value, StringComparer.Ordinal)))
                {
                    var expected = types.Length == 0 ? "this event has no activity types" : "expected one of " + KeyList.Quote(types);
                    context.Report(type, $"unknown activity type \"{type.Value}\" for event \"{name}\"; {expected}");
                }
            }
        }
    }
}
