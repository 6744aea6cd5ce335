namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>What starts a run: the event's name, its payload (github.event) and, for dispatches, the inputs as strings.</summary>
public sealed record WorkflowEvent(string Name, IReadOnlyDictionary<string, object?> Payload, IReadOnlyDictionary<string, string> Inputs)
{
    public static WorkflowEvent Dispatch(IReadOnlyDictionary<string, string> inputs) =>
        new("workflow_dispatch", new Dictionary<string, object?> { ["inputs"] = inputs.ToDictionary(p => p.Key, p => (object?)p.Value) }, inputs);

    public static WorkflowEvent Of(string name, IReadOnlyDictionary<string, object?>? payload = null) =>
        new(name, payload ?? new Dictionary<string, object?>(), new Dictionary<string, string>());
}
