using Tailpaste.Shared.IO;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.IO;

public sealed class FileEntryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("file-entry-").FullName;

    [Fact]
    public void Tells_every_kind_without_following_links()
    {
        var file = Path.Combine(_folder, "file");
        File.WriteAllBytes(file, new byte[1234]);
        var link = Path.Combine(_folder, "link");
        File.CreateSymbolicLink(link, "/dev/zero");
        var fifo = Path.Combine(_folder, "fifo");
        Fifo.Create(fifo);

        Assert.Equal(new FileEntry(FileKind.RegularFile, 1234), FileEntry.Of(file));
        Assert.Equal(FileKind.Directory, FileEntry.Of(_folder).Kind);
        Assert.Equal(FileKind.SymbolicLink, FileEntry.Of(link).Kind);
        Assert.Equal(FileKind.CharacterDevice, FileEntry.Of("/dev/zero").Kind);
        Assert.Equal(FileKind.Fifo, FileEntry.Of(fifo).Kind);
        Assert.Equal(FileKind.Missing, FileEntry.Of(Path.Combine(_folder, "nothing")).Kind);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
