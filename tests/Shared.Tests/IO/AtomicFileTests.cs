using Tailpaste.Shared.IO;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("atomic-file-").FullName;

    [Fact]
    public async Task Replaces_a_regular_file_whole_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder, "report.json");
        await File.WriteAllTextAsync(path, "old");

        await AtomicFile.WriteAllTextAsync(path, "new");

        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal(["report.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("link")]
    [InlineData("folder")]
    public async Task NeverRenamesOverSomethingThatIsNotARegularFile(string kind)
    {
        var path = Path.Combine(_folder, "target");
        var target = Path.Combine(_folder, "elsewhere");
        await File.WriteAllTextAsync(target, "keep");
        switch (kind)
        {
            case "fifo":
                Fifo.Create(path);
                break;
            case "link":
                File.CreateSymbolicLink(path, target);
                break;
            default:
                Directory.CreateDirectory(path);
                break;
        }

        var before = FileEntry.Of(path).Kind;

        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAllTextAsync(path, "replacement"));

        Assert.Equal(before, FileEntry.Of(path).Kind);
        Assert.Equal("keep", await File.ReadAllTextAsync(target));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
