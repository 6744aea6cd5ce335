namespace Tailpaste.PasteService;

/// <summary>An <see cref="ILogger"/> that writes each entry as one <see cref="EventLogLine"/>.</summary>
public sealed class LineLogger(string source, LogLineWriter writer, TimeProvider time) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    // Levels are filtered by the logging builder's rules before Log is called.
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        writer.WriteLine(EventLogLine.Format(time.GetUtcNow(), logLevel, source, formatter(state, exception), exception));
    }
}
