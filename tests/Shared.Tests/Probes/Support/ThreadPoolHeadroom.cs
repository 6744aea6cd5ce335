namespace Tailpaste.Shared.Tests.Probes.Support;

/// <summary>
/// Timing tests share this process with sample-service children whose stdout and stderr are read through
/// pipes, and on Linux each such read holds a thread-pool thread. With the pool's default minimum (one thread
/// per core) those readers starve everything else until the pool grows, about one thread per half second, and
/// a load run then measures the test host's queue instead of the service. A higher minimum removes that.
/// </summary>
public static class ThreadPoolHeadroom
{
    private const int MinimumThreads = 64;

    public static void Ensure()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < MinimumThreads)
        {
            ThreadPool.SetMinThreads(MinimumThreads, completionPorts);
        }
    }
}
