using System.Diagnostics;

namespace Tailpaste.PasteService;

/// <summary>Counts every request and times it, labelled by the route template that answered it.</summary>
public sealed class MetricsMiddleware(RequestDelegate next, RequestMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            // Routing has run by now, so the endpoint (if any) tells the route template.
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? RequestMetrics.UnmatchedRoute;
            var status = failed && !context.Response.HasStarted
                ? StatusCodes.Status500InternalServerError
                : context.Response.StatusCode;
            metrics.Record(context.Request.Method, route, status, Stopwatch.GetElapsedTime(started));
        }
    }
}
