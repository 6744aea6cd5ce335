namespace Tailpaste.TestKit;

/// <summary>
/// Reports progress on the caller's thread, so nothing is lost when the streaming call returns
/// (<see cref="Progress{T}"/> posts to the thread pool and may report after it).
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
