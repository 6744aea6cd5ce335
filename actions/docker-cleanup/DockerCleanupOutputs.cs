namespace Tailpaste.DockerCleanup;

/// <summary>The action's outputs; property names map to the kebab-case names in action.yml.</summary>
public sealed record DockerCleanupOutputs(
    int RemovedContainers,
    int RemovedImages,
    int RemovedVolumes,
    int RemovedNetworks,
    long ReclaimedBytes,
    int Protected,
    string ReportPath);
