namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>What starts a run: the event's name, its payload (github.event) and, for dispatches, the inputs as strings.</summary>
public sealed record WorkflowEvent(string Name, IReadOnlyDictionary<string, object?> Payload, IReadOnlyDictionary<string, string> Inputs)
{
    /// <summary>
    /// A workflow_dispatch as the REST API's <c>POST .../dispatches</c> body asks for it: <paramref name="gitRef"/> (a
    /// branch name or a full ref) becomes the payload's full <c>ref</c> and so <c>github.ref</c>; null keeps the harness's.
    /// </summary>
    public static WorkflowEvent Dispatch(IReadOnlyDictionary<string, string> inputs, string? gitRef = null)
    {
        var payload = new Dictionary<string, object?> { ["inputs"] = inputs.ToDictionary(p => p.Key, p => (object?)p.Value) };
        if (gitRef is not null)
        {
            // The API takes a branch or tag name or a full ref; the event carries the full ref. A bare name is taken as a branch.
            payload["ref"] = gitRef.StartsWith("refs/", StringComparison.Ordinal) ? gitRef : "refs/heads/" + gitRef;
        }

        return new("workflow_dispatch", payload, inputs);
    }

    public static WorkflowEvent Of(string name, IReadOnlyDictionary<string, object?>? payload = null) =>
        new(name, payload ?? new Dictionary<string, object?>(), new Dictionary<string, string>());
}
