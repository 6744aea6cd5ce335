namespace Tailpaste.Shared.Docker;

/// <summary>Which output of the container a log line came from.</summary>
public enum ContainerLogStream
{
    StandardOutput,
    StandardError,
}
