using System.Diagnostics;

namespace Tailpaste.PasteService;

/// <summary>
/// Applies <see cref="FaultOptions"/>: added latency on every request, and a share of 500
/// answers (each one logged as an ERROR line) on every endpoint not marked <see cref="FaultErrorExempt"/>.
/// Readiness failure is applied by the /readyz endpoint itself. With <see cref="FaultOptions.OnsetSeconds"/>, latency
/// and errors start only that long after the pipeline was built (when the service starts).
/// </summary>
public sealed partial class FaultInjectionMiddleware(
    RequestDelegate next,
    FaultOptions faults,
    TimeProvider time,
    ILogger<FaultInjectionMiddleware> logger)
{
    private readonly long _started = time.GetTimestamp();

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (faults.OnsetSeconds > 0 && time.GetElapsedTime(_started) < TimeSpan.FromSeconds(faults.OnsetSeconds))
        {
            await next(context);
            return;
        }

        if (faults.LatencyMs > 0)
        {
            await DelayAtLeastAsync(TimeSpan.FromMilliseconds(faults.LatencyMs), context.RequestAborted);
        }

        if (faults.ErrorRate > 0
            && context.GetEndpoint()?.Metadata.GetMetadata<FaultErrorExempt>() is null
            && Random.Shared.NextDouble() < faults.ErrorRate)
        {
            LogInjectedError(context.Request.Method, context.Request.Path, faults.ErrorRate);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = PasteEndpoints.TextPlain;
            await context.Response.WriteAsync("internal error (injected fault)\n", context.RequestAborted);
            return;
        }

        await next(context);
    }

    // Task.Delay runs on a millisecond tick and may wake a little early; the promise is "at least".
    private static async Task DelayAtLeastAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var remaining = delay; remaining > TimeSpan.Zero; remaining = delay - Stopwatch.GetElapsedTime(started))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds)), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "injected HTTP 500 for {Method} {Path} (FAULT_ERROR_RATE={Rate})")]
    private partial void LogInjectedError(string method, string path, double rate);
}
