using System.IO.Compression;
using Tailpaste.ReleaseArtifacts.Archive;
using Tailpaste.TestKit.Processes;

namespace Tailpaste.ReleaseArtifacts.Tests;

public sealed class ParallelGzipStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ParallelGzipStream.ChunkSize)]
    [InlineData((ParallelGzipStream.ChunkSize * 3) + 12345)]
    public void Same_bytes_whatever_the_worker_count_and_write_sizes_and_gunzip_gives_the_input_back(int size)
    {
        var input = Compressible(size);

        var one = Compress(input, workers: 1, writeSize: 7919);
        var four = Compress(input, workers: 4, writeSize: 1 << 20);

        Assert.Equal(one, four);
        Assert.Equal(input, Gunzip(one));
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, one);
            var gzip = ToolProcess.Run("gzip", ["-t", path]);
            Assert.True(gzip.ExitCode == 0, gzip.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_member_header_has_no_time_and_the_unix_os_byte()
    {
        var bytes = Compress(Compressible((ParallelGzipStream.ChunkSize * 2) + 1), workers: 2, writeSize: 65536);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);

            // zlib tells where each member ends (unused_data); print every member's 10-byte header.
            const string Script = "import sys, zlib\ndata = open(sys.argv[1], 'rb').read()\nwhile data:\n    print(data[:10].hex())\n    d = zlib.decompressobj(31)\n    d.decompress(data)\n    data = d.unused_data";
            var headers = ToolProcess.Run("python3", ["-c", Script, path]).EnsureSuccess().Stdout.TrimEnd('\n').Split('\n');

            Assert.Equal(["1f8b0800000000000003", "1f8b0800000000000003", "1f8b0800000000000003"], headers[..3]);
            Assert.Equal(3, headers.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Compress(byte[] input, int workers, int writeSize)
    {
        using var output = new MemoryStream();
        using (var gzip = new ParallelGzipStream(output, workers: workers))
        {
            for (var at = 0; at < input.Length; at += writeSize)
            {
                gzip.Write(input, at, Math.Min(writeSize, input.Length - at));
            }
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var result = new MemoryStream();
        gzip.CopyTo(result);
        return result.ToArray();
    }

    private static byte[] Compressible(int size)
    {
        var random = new Random(size);
        var words = "paste token store index expiry release archive checksum install prefix rollback "u8.ToArray();
        var data = new byte[size];
        for (var i = 0; i < size; i++)
        {
            data[i] = random.Next(8) == 0 ? (byte)random.Next(256) : words[i % words.Length];
        }

        return data;
    }
}
