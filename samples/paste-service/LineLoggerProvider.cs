using System.Collections.Concurrent;

namespace Tailpaste.PasteService;

/// <summary>Routes all framework and service logging into the one-line event format.</summary>
public sealed class LineLoggerProvider(LogLineWriter writer, TimeProvider time) : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, LineLogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, category => new LineLogger(EventLogLine.ShortSource(category), writer, time));

    public void Dispose() => _loggers.Clear();
}
