using System.Runtime.InteropServices;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// Starts the disk writeback of a file while it is being written, a little at a time. A copy of a large
/// database otherwise sits in the page cache until its final flush writes it all at once; on a journalling
/// file system the service's own commits (WAL fsyncs on the same disk) then wait behind that burst. Asking
/// for writeback every few hundred milliseconds (<c>sync_file_range</c>, which starts it and does not wait)
/// spreads it out. Linux only; elsewhere it does nothing.
/// </summary>
public sealed class WritebackPacer : IAsyncDisposable
{
    private const uint SyncFileRangeWrite = 2;

    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(200);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private WritebackPacer(string path)
    {
        _loop = OperatingSystem.IsLinux() ? Task.Run(() => LoopAsync(path, _stop.Token)) : Task.CompletedTask;
    }

    public static WritebackPacer Start(string path) => new(path);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for the next round.
        }

        _stop.Dispose();
    }

    private static async Task LoopAsync(string path, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(_interval, cancellationToken).ConfigureAwait(false);
            try
            {
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                _ = SyncFileRange((int)handle.DangerousGetHandle(), 0, 0, SyncFileRangeWrite);
            }
            catch (Exception e) when (e is FileNotFoundException or IOException or UnauthorizedAccessException)
            {
                // Not created yet, or gone: try again next round.
            }
        }
    }

    // DllImport, not LibraryImport: generated marshalling source is not on disk, and coverlet then skips the assembly.
    [DllImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static extern int SyncFileRange(int descriptor, long offset, long count, uint flags);
}
