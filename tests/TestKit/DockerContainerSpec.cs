namespace Tailpaste.TestKit;

/// <summary>What a test container runs. Network is the host's (the engine has no bridge) unless set to "none".</summary>
public sealed record DockerContainerSpec(string Image)
{
    /// <summary>Arguments after the entrypoint; null keeps the image's CMD.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Replaces the image's entrypoint; null keeps it.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra labels; the fixture always adds <c>tailpaste.test-run</c>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>"host" or "none": never a bridge network, which the private engine does not have.</summary>
    public string NetworkMode { get; init; } = "host";

    /// <summary>Bind and volume mounts in docker's <c>source:target[:ro]</c> form.</summary>
    public IReadOnlyList<string> Binds { get; init; } = [];

    /// <summary>A prefix for the container's unique name.</summary>
    public string NamePrefix { get; init; } = "tailpaste-test";

    public string? User { get; init; }

    /// <summary>The working directory inside the container; null keeps the image's.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// The engine's log driver; null for its default (json-file). "local" keeps the raw bytes, where
    /// json-file turns a UTF-8 character cut at a 16 KiB message boundary into U+FFFD.
    /// </summary>
    public string? LogDriver { get; init; }
}
