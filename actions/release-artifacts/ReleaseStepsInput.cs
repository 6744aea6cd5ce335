using Tailpaste.Shared.Actions;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>The <c>steps</c> input: one or more step names, each a <see cref="ReleaseSteps"/> flag.</summary>
public static class ReleaseStepsInput
{
    private const string Names = "validate, changelog, archive, checksums, installer, publish";

    public static ReleaseSteps Bind(ActionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var steps = ReleaseSteps.None;
        foreach (var step in inputs.GetListInput("steps"))
        {
            steps |= Enum.TryParse<ReleaseSteps>(step, ignoreCase: true, out var parsed) && parsed != ReleaseSteps.None && Enum.IsDefined(parsed) && !step.Any(char.IsDigit)
                ? parsed
                : throw inputs.Invalid("steps", step, $"a list of {Names}");
        }

        return steps == ReleaseSteps.None ? throw new InputException("steps", null, $"at least one of {Names}") : steps;
    }
}
