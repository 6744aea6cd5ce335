using Tailpaste.TestKit.Processes;

namespace Tailpaste.TestKit;

/// <summary>Named pipes: a path that is neither a file nor a folder, where a careless open blocks until a writer comes.</summary>
public static class Fifo
{
    /// <summary>Creates a named pipe at <paramref name="path"/> with mkfifo (.NET has no call for it); throws when mkfifo fails.</summary>
    public static void Create(string path) => ToolProcess.Run("mkfifo", [path]).EnsureSuccess();
}
