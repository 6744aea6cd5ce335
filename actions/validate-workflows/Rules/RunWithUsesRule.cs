using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>A step either runs a script or uses an action, never both.</summary>
public sealed class RunWithUsesRule : Rule
{
    public override string Id => "run-with-uses";

    public override string Description => "A step has \"run\" or \"uses\", not both; \"with\" and \"shell\" go with the right one.";

    public override void VisitStep(Step step, RuleContext context)
    {
        var run = step.Body.KeyOf("run");
        var uses = step.Body.KeyOf("uses");
        if (run is not null && uses is not null)
        {
            var second = run.Start.Line > uses.Start.Line ? run : uses;
            context.Report(second, $"step {step.Label} has both \"run\" and \"uses\"; a step runs a script or uses an action, split it into two steps");
            return;
        }

        if (run is not null && step.Body.KeyOf("with") is { } with)
        {
            context.Report(with, $"step {step.Label} has \"with\" but runs a script; \"with\" passes inputs to an action (use \"env\" for a script)");
        }

        if (uses is not null && step.Body.KeyOf("shell") is { } shell)
        {
            context.Report(shell, $"step {step.Label} has \"shell\" but uses an action; \"shell\" applies only to \"run\"");
        }

        if (uses is not null && step.Body.Get("working-directory") is { } directory)
        {
            context.Report(directory, $"step {step.Label} has \"working-directory\" but uses an action; it applies only to \"run\"");
        }
    }
}
