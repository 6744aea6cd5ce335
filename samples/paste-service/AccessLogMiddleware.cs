using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Tailpaste.PasteService;

/// <summary>Writes one <see cref="AccessLogLine"/> per request, after the response is finished.</summary>
public sealed class AccessLogMiddleware(RequestDelegate next, LogLineWriter writer, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var receivedAt = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();

        var bodyFeature = context.Features.Get<IHttpResponseBodyFeature>();
        CountingStream? counter = null;
        if (bodyFeature is not null)
        {
            counter = new CountingStream(bodyFeature.Stream);
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(counter, bodyFeature));
        }

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
            if (counter is not null)
            {
                // Flush what the pipe writer still holds so the count is complete. After a failure
                // the server must still be free to send its own 500, so nothing is started then.
                if (!failed)
                {
                    await context.Features.Get<IHttpResponseBodyFeature>()!.CompleteAsync();
                }

                context.Features.Set(bodyFeature);
            }

            var request = context.Request;
            writer.WriteLine(AccessLogLine.Format(new AccessLogEntry(
                ClientAddress.Of(context),
                RequestUser.Get(context),
                receivedAt,
                request.Method,
                context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString,
                request.Protocol,
                failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode,
                counter?.BytesWritten ?? 0,
                request.Headers.Referer,
                request.Headers.UserAgent,
                Stopwatch.GetElapsedTime(started))));
        }
    }
}
