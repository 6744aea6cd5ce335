using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tailpaste.ReleaseArtifacts.Git;

namespace Tailpaste.ReleaseArtifacts.Archive;

/// <summary>
/// Streams blob contents out of one <c>git cat-file --batch</c> process: the object ids are written on a
/// background task while the contents are read in the same order, so thousands of files cost one process.
/// </summary>
public sealed class GitBlobReader : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _stdout;
    private readonly Task _feeder;
    private readonly byte[] _line = new byte[256];
    private readonly byte[] _copy = new byte[1 << 16];

    private GitBlobReader(Process process, Task feeder)
    {
        _process = process;
        _stdout = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        _feeder = feeder;
    }

    public static GitBlobReader Open(GitCli git, IReadOnlyList<string> objectIds)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(objectIds);
        var process = git.Start(["cat-file", "--batch"]);
        var stdin = process.StandardInput.BaseStream;
        var feeder = Task.Run(async () =>
        {
            await using (stdin.ConfigureAwait(false))
            {
                foreach (var id in objectIds)
                {
                    var bytes = Encoding.ASCII.GetBytes(id + "\n");
                    await stdin.WriteAsync(bytes).ConfigureAwait(false);
                }
            }
        });
        _ = process.StandardError.ReadToEndAsync();
        return new GitBlobReader(process, feeder);
    }

    /// <summary>Copies the next blob into <paramref name="destination"/> (which is emptied first); returns its size.</summary>
    public async Task<long> ReadNextAsync(string expectedId, MemoryStream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var header = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        var parts = header.Split(' ');
        if (parts.Length != 3 || parts[0] != expectedId || parts[1] != "blob")
        {
            throw new InvalidDataException($"git cat-file answered '{header}' for {expectedId}.");
        }

        var size = long.Parse(parts[2], CultureInfo.InvariantCulture);

        // The size comes before the content: a blob a memory stream cannot hold is refused before it is read.
        if (size > Array.MaxLength)
        {
            throw new InvalidDataException($"The blob {expectedId} has {size} bytes; the archive takes files of up to {Array.MaxLength} bytes.");
        }

        destination.SetLength(0);
        destination.Capacity = (int)Math.Max(destination.Capacity, size);
        var remaining = size;
        while (remaining > 0)
        {
            var read = await _stdout.ReadAsync(_copy.AsMemory(0, (int)Math.Min(remaining, _copy.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException($"git cat-file ended inside {expectedId}.");
            }

            destination.Write(_copy, 0, read);
            remaining -= read;
        }

        destination.Position = 0;
        if (await ReadByteAsync(cancellationToken).ConfigureAwait(false) != '\n')
        {
            throw new InvalidDataException($"git cat-file output is out of step after {expectedId}.");
        }

        return size;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _feeder.ConfigureAwait(false);
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
            _process.Dispose();
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var b = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
            if (b < 0)
            {
                throw new EndOfStreamException("git cat-file ended early.");
            }

            if (b == '\n')
            {
                return Encoding.ASCII.GetString(_line, 0, length);
            }

            if (length < _line.Length)
            {
                _line[length++] = (byte)b;
            }
        }
    }

    // Headers are short and the stream is buffered, so byte reads stay in memory.
    private Task<int> ReadByteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_stdout.ReadByte());
    }
}
