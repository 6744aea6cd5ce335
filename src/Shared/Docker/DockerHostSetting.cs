namespace Tailpaste.Shared.Docker;

/// <summary>The engine an action talks to, and where that address came from (named when the engine does not answer).</summary>
/// <param name="Endpoint">The engine's address.</param>
/// <param name="Source">The docker-host input or the DOCKER_HOST variable.</param>
public sealed record DockerHostSetting(DockerEndpoint Endpoint, string Source);
