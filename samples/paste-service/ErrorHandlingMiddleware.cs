namespace Tailpaste.PasteService;

/// <summary>
/// Turns an unexpected exception into a 500 and one ERROR line, so a broken request shows up
/// in the log analysis instead of as a stack trace spread over many lines.
/// </summary>
public sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer and nothing went wrong here.
        }
        catch (BadHttpRequestException ex)
        {
            LogBadRequest(context.Request.Method, context.Request.Path, ex.Message);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ex.StatusCode;
            }
        }
        catch (Exception ex)
        {
            LogUnhandled(ex, context.Request.Method, context.Request.Path);
            if (context.Response.HasStarted)
            {
                throw;
            }

            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = PasteEndpoints.TextPlain;
            await context.Response.WriteAsync("internal error\n");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "request failed: {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "bad request: {Method} {Path}: {Reason}")]
    private partial void LogBadRequest(string method, string path, string reason);
}
