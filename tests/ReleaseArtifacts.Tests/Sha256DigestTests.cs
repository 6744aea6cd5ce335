using System.Security.Cryptography;
using Tailpaste.ReleaseArtifacts.Checksums;
using Tailpaste.TestKit.Processes;

namespace Tailpaste.ReleaseArtifacts.Tests;

public sealed class Sha256DigestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("release-artifacts-sha-").FullName;

    // Around the 4 MiB block size: empty, one byte, a block minus/plus one, and several blocks with a tail.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData((4 << 20) - 1)]
    [InlineData(4 << 20)]
    [InlineData((4 << 20) + 1)]
    [InlineData((9 << 20) + 3)]
    public async Task Matches_sha256sum_on_files_around_the_block_size(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        var path = Path.Combine(_folder, "f.bin");
        await File.WriteAllBytesAsync(path, data);

        var ours = await Sha256Digest.OfFileAsync(path);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), ours);
        Assert.Equal(ToolProcess.Run("sha256sum", [path]).EnsureSuccess().Stdout[..64], ours);
    }

    [Fact]
    public async Task Short_reads_from_a_stream_give_the_same_hash()
    {
        var data = new byte[(5 << 20) + 17];
        new Random(5).NextBytes(data);
        await using var trickle = new TrickleStream(data, 1000);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), await Sha256Digest.OfStreamAsync(trickle));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A stream that never returns more than <c>max</c> bytes per read, as pipes and sockets may.</summary>
    private sealed class TrickleStream(byte[] data, int max) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, max)], cancellationToken);
    }
}
