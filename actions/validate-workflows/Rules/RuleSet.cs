namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Every rule, in the order they run.</summary>
public static class RuleSet
{
    public static IReadOnlyList<Rule> All() =>
    [
        new YamlSyntaxRule(),
        new YamlLimitsRule(),
        new DuplicateKeyRule(),
        new UnknownKeyRule(),
        new MissingKeyRule(),
        new ValueTypeRule(),
        new RunWithUsesRule(),
        new IdFormatRule(),
        new DuplicateStepIdRule(),
        new EventsRule(),
        new CronRule(),
        new DispatchInputsRule(),
        new WorkflowCallRule(),
        new NumericValueRule(),
        new PermissionsRule(),
        new ShellNameRule(),
        new RunnerLabelRule(),
        new ConcurrencyRule(),
        new UsesFormatRule(),
        new ExpressionSyntaxRule(),
        new ExpressionContextRule(),
        new ExpressionFunctionRule(),
        new NeedsContextRule(),
        new MatrixContextRule(),
        new StepsContextRule(),
        new InputsContextRule(),
        new ScriptInjectionRule(),
        new JobNeedsRule(),
        new LocalActionRule(),
        new ReusableWorkflowRule(),
        new WorkflowRunRule(),
        new ActionMetadataRule(),
        new DockerCleanupRule(),
        new DeployAfterBackupRule(),
        new DockerLabelsRule(),
        new PinnedActionsRule(),
        new PermissionsDeclaredRule(),
        new UnusedIgnoreRule(),
        new InternalErrorRule(),
    ];
}
