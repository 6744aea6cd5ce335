using System.Buffers.Binary;
using System.Text;
using Docker.DotNet;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Shared.Tests.Docker;

/// <summary>The line splitting on hand-made Engine API frames, where the test controls every boundary.</summary>
public sealed class ContainerLogFramesTests
{
    private const byte StdOut = 1;
    private const byte StdErr = 2;

    private static MultiplexedStream Frames(params (byte Stream, byte[] Payload)[] frames)
    {
        var bytes = new MemoryStream();
        foreach (var (stream, payload) in frames)
        {
            var header = new byte[8];
            header[0] = stream;
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)payload.Length);
            bytes.Write(header);
            bytes.Write(payload);
        }

        bytes.Position = 0;
        return new MultiplexedStream(bytes, multiplexed: true);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Interleaved_partial_lines_stay_with_their_own_stream()
    {
        using var stream = Frames(
            (StdOut, Utf8("GET / 2")),
            (StdErr, Utf8("warn: disk ")),
            (StdOut, Utf8("00\nGET /x 404\n")),
            (StdErr, Utf8("almost full\r\n")));

        var lines = await ContainerLogReader.ReadLinesAsync(stream, timestamps: false, maxLines: 100);

        Assert.Equal(
            [
                new ContainerLogLine(ContainerLogStream.StandardOutput, "GET / 200", null),
                new ContainerLogLine(ContainerLogStream.StandardOutput, "GET /x 404", null),
                new ContainerLogLine(ContainerLogStream.StandardError, "warn: disk almost full", null),
            ],
            lines);
    }

    [Fact]
    public async Task A_character_split_across_frames_is_decoded_whole()
    {
        var bytes = Utf8("grüße ✓\n");
        var cutInsideU = Array.IndexOf(bytes, (byte)0xC3) + 1;
        var cutInsideCheck = bytes.Length - 3;
        using var stream = Frames(
            (StdOut, bytes[..cutInsideU]),
            (StdOut, bytes[cutInsideU..cutInsideCheck]),
            (StdOut, bytes[cutInsideCheck..]));

        var line = Assert.Single(await ContainerLogReader.ReadLinesAsync(stream, timestamps: false, maxLines: 10));

        Assert.Equal("grüße ✓", line.Text);
    }

    [Fact]
    public async Task Timestamps_are_parsed_and_stripped_and_a_line_without_one_is_kept_whole()
    {
        using var stream = Frames(
            (StdOut, Utf8("2025-11-23T09:01:02.123456789Z first line\n")),
            (StdOut, Utf8("not-a-time second line\n")));

        var lines = await ContainerLogReader.ReadLinesAsync(stream, timestamps: true, maxLines: 10);

        Assert.Equal("first line", lines[0].Text);
        // Nine digits of fraction round to .NET's seven.
        Assert.Equal(new DateTimeOffset(2025, 11, 23, 9, 1, 2, 123, TimeSpan.Zero).AddTicks(4568), lines[0].Timestamp);
        Assert.Equal("not-a-time second line", lines[1].Text);
        Assert.Null(lines[1].Timestamp);
    }

    [Fact]
    public async Task Max_lines_stops_reading_even_within_one_frame()
    {
        using var stream = Frames((StdOut, Utf8("1\n2\n3\n4\n5\n")), (StdOut, Utf8("6\n")));

        var lines = await ContainerLogReader.ReadLinesAsync(stream, timestamps: false, maxLines: 2);

        Assert.Equal(["1", "2"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task An_unfinished_character_at_the_end_becomes_a_replacement_character()
    {
        using var stream = Frames((StdOut, [.. Utf8("cut "), 0xE2, 0x9C]));

        var line = Assert.Single(await ContainerLogReader.ReadLinesAsync(stream, timestamps: false, maxLines: 10));

        Assert.Equal("cut \uFFFD", line.Text);
    }
}
