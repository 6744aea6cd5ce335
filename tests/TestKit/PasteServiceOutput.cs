namespace Tailpaste.TestKit;

/// <summary>The lines a service process has written so far, safe to read while it keeps writing.</summary>
public sealed class PasteServiceOutput
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public string Text => string.Join('\n', Lines);

    public void Add(string? line)
    {
        // Process raises a null line at end of stream.
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
        }
    }

    /// <summary>Waits for the first line (written at any time, before or after the call) that matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Lines.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"No matching line within {timeout.TotalSeconds:0.#} s. Lines so far:\n{Text}");
            }

            await Task.Delay(_pollInterval);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> lines match, and returns them.</summary>
    public async Task<IReadOnlyList<string>> WaitForLinesAsync(Func<string, bool> match, int count, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Lines.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Only {found.Count} of {count} matching lines within {timeout.TotalSeconds:0.#} s. Lines so far:\n{Text}");
            }

            await Task.Delay(_pollInterval);
        }
    }
}
