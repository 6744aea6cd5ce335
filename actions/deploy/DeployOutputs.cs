namespace Tailpaste.Deploy;

/// <summary>The action's outputs; each property is the kebab-case output of the same name. Every output is written on every run.</summary>
public sealed record DeployOutputs
{
    public string DeployedImage { get; init; } = string.Empty;

    public string PreviousImage { get; init; } = string.Empty;

    public bool RolledBack { get; init; }

    public string RollbackReason { get; init; } = string.Empty;

    public double DowntimeMs { get; init; }

    public string CutoverAt { get; init; } = string.Empty;

    public double DeploySeconds { get; init; }

    public string LiveSlot { get; init; } = string.Empty;

    public string ReportPath { get; init; } = string.Empty;
}
