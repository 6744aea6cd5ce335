namespace Tailpaste.Shared.Docker;

/// <summary>How a sibling container ended: its exit code and what it wrote, line by line.</summary>
public sealed record SiblingContainerExit(long ExitCode, IReadOnlyList<ContainerLogLine> Lines)
{
    public string StandardOutput => Join(ContainerLogStream.StandardOutput);

    public string StandardError => Join(ContainerLogStream.StandardError);

    private string Join(ContainerLogStream stream) => string.Join('\n', Lines.Where(line => line.Stream == stream).Select(line => line.Text));
}
