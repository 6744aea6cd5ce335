using Tailpaste.Shared.Actions;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class FileCommandWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("runner-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task MultiLineValue_SurvivesTheRoundTripThroughTheOutputFile()
    {
        var path = Path.Combine(_directory, "output");
        var value = "first line\nsecond line\n\nfourth line after a blank one\n  indented";

        await new FileCommandWriter().AppendAsync(path, "notes", value);
        await new FileCommandWriter().AppendAsync(path, "single", "x=y");

        var outputs = RunnerFile.Parse(path);
        Assert.Equal([new("notes", value), new("single", "x=y")], outputs);
    }

    [Fact]
    public async Task ValueContainingTheDelimiter_GetsANewDelimiter()
    {
        var path = Path.Combine(_directory, "output");
        var draws = new Queue<string>(["EOF", "EOF2"]);
        var writer = new FileCommandWriter(() => draws.Dequeue());
        var value = "line\nEOF\nmore after the would-be end";

        await writer.AppendAsync(path, "tricky", value);

        Assert.StartsWith("tricky<<EOF2\n", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        Assert.Equal([new("tricky", value)], RunnerFile.Parse(path));
    }

    [Fact]
    public void DefaultDelimiters_AreRandom()
    {
        var writer = new FileCommandWriter();
        var first = writer.Format("a", "1").Split('\n')[0];
        var second = writer.Format("a", "1").Split('\n')[0];
        Assert.NotEqual(first, second);
        Assert.StartsWith("a<<ghadelimiter_", first, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueThatContainsEveryDrawnDelimiter_IsRefusedRatherThanCorrupted()
    {
        var writer = new FileCommandWriter(() => "X");
        Assert.Throws<InvalidOperationException>(() => writer.Format("name", "contains X"));
    }
}
