namespace Tailpaste.DockerCleanup.Model;

/// <summary>The kinds of Docker resources the action cleans, in the order they are removed.</summary>
public enum ResourceKind
{
    // Containers first: they hold on to networks, images and volumes.
    Containers,
    Networks,
    Images,
    Volumes,
}
