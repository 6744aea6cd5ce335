namespace Tailpaste.Shared.Docker;

/// <summary>What a probe learned about an engine: whether it answered, and its versions when it did.</summary>
/// <param name="Endpoint">The engine that was asked.</param>
/// <param name="Answers">True when the engine answered the version request in time.</param>
/// <param name="ServerVersion">The engine's version (for example 20.10.24); null when it did not answer.</param>
/// <param name="ApiVersion">The newest Engine API version it speaks; null when it did not answer.</param>
/// <param name="Error">Why it did not answer; null when it did.</param>
public sealed record DockerEngineStatus(DockerEndpoint Endpoint, bool Answers, string? ServerVersion, string? ApiVersion, string? Error);
