using Docker.DotNet.Models;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// What the engine says about a path inside a container without sending its content (the archive API's
/// <c>HEAD</c>, the <c>X-Docker-Container-Path-Stat</c> header): whether it is a regular file, and its size.
/// Its mode is Go's <c>os.FileMode</c>, whose type bits sit at the top.
/// </summary>
public readonly record struct ContainerPathEntry(string Path, long Size, bool IsRegularFile, string Kind, string? LinkTarget)
{
    private const uint Directory = 1u << 31;
    private const uint Symlink = 1u << 27;
    private const uint Device = 1u << 26;
    private const uint NamedPipe = 1u << 25;
    private const uint Socket = 1u << 24;
    private const uint CharDevice = 1u << 21;
    private const uint Irregular = 1u << 19;

    public static ContainerPathEntry From(string path, ContainerPathStatResponse stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        var mode = (uint)stat.Mode;
        var kind = (mode & Directory) != 0 ? "a folder"
            : (mode & Symlink) != 0 ? "a symbolic link"
            : (mode & (Device | CharDevice)) != 0 ? "a device"
            : (mode & NamedPipe) != 0 ? "a named pipe"
            : (mode & Socket) != 0 ? "a socket"
            : (mode & Irregular) != 0 ? "not a regular file"
            : "a regular file";
        return new ContainerPathEntry(path, stat.Size, kind == "a regular file", kind, string.IsNullOrEmpty(stat.LinkTarget) ? null : stat.LinkTarget);
    }
}
