namespace Tailpaste.BackupRestore.Store;

/// <summary>
/// <c>container.json</c>: what it takes to create the service container again as it was. Variables whose
/// name says they hold a secret are kept by name only (<see cref="SecretVariables"/>): a restore takes their
/// values from the container it replaces, so no secret is ever written to the backup store.
/// </summary>
public sealed record ContainerSnapshot
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public required string ImageId { get; init; }

    /// <summary>Variables as NAME=value, secrets left out.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>Names of the variables left out of <see cref="Env"/> because they look like secrets.</summary>
    public IReadOnlyList<string> SecretVariables { get; init; } = [];

    public IReadOnlyList<string>? Cmd { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    public string? WorkingDir { get; init; }

    public string? User { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> ExposedPorts { get; init; } = [];

    /// <summary>Binds and named volumes in docker's <c>source:target[:ro]</c> form.</summary>
    public IReadOnlyList<string> Binds { get; init; } = [];

    /// <summary>Container port (8080/tcp) to host bindings (ip:port).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PortBindings { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string NetworkMode { get; init; } = "default";

    public string RestartPolicy { get; init; } = "no";

    public long RestartMaximumRetryCount { get; init; }

    public HealthcheckSnapshot? Healthcheck { get; init; }

    public string? StopSignal { get; init; }
}

/// <param name="Test">The command, as docker keeps it (CMD, CMD-SHELL or NONE first).</param>
public sealed record HealthcheckSnapshot(IReadOnlyList<string> Test, long IntervalNs, long TimeoutNs, long StartPeriodNs, long Retries);
