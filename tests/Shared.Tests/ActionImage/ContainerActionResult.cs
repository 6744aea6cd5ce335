namespace Tailpaste.Shared.Tests.ActionImage;

/// <summary>What a container action left behind: its exit code, its two streams, and the runner files it wrote.</summary>
internal sealed record ContainerActionResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    IReadOnlyDictionary<string, string> Outputs,
    string Summary);
