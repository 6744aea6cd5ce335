using Tailpaste.Shared.Actions;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class FileCommandWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("runner-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Multi_line_value_survives_the_round_trip_through_the_output_file()
    {
        var path = Path.Combine(_directory, "output");
        var value = "first line\nsecond line\n\nfourth line after a blank one\n  indented";

        await new FileCommandWriter().AppendAsync(path, "notes", value);
        await new FileCommandWriter().AppendAsync(path, "single", "x=y");

        var outputs = RunnerFile.Parse(path);
        Assert.Equal([new("notes", value), new("single", "x=y")], outputs);
    }

    [Fact]
    public async Task Value_containing_the_delimiter_gets_a_new_delimiter()
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
    public void Default_delimiters_are_random()
    {
        var writer = new FileCommandWriter();
        var first = writer.Format("a", "1").Split('\n')[0];
        var second = writer.Format("a", "1").Split('\n')[0];
        Assert.NotEqual(first, second);
        Assert.StartsWith("a<<ghadelimiter_", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_that_contains_every_drawn_delimiter_is_refused_rather_than_corrupted()
    {
        var writer = new FileCommandWriter(() => "X");
        Assert.Throws<InvalidOperationException>(() => writer.Format("name", "contains X"));
    }
}
