namespace Tailpaste.PasteService;

/// <summary>
/// The one place log lines leave the service. Whole lines only, under a lock, so access lines
/// and event lines from concurrent requests never interleave mid-line.
/// </summary>
public sealed class LogLineWriter(TextWriter output)
{
    private readonly Lock _gate = new();

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            output.Write(line);
            output.Write('\n');
            output.Flush();
        }
    }
}
