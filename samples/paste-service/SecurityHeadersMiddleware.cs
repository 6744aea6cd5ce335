namespace Tailpaste.PasteService;

/// <summary>
/// Sends the browser-hardening headers on every answer the application makes, error answers included:
/// the service only ever returns text, so nothing may be sniffed as HTML, framed, loaded as a resource,
/// or leak the paste URL as a referrer.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public static IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'",
        ["Referrer-Policy"] = "no-referrer",
    };

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Set when the answer starts, so an error handler that clears the response cannot drop them.
        context.Response.OnStarting(
            static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                foreach (var (name, value) in Headers)
                {
                    headers[name] = value;
                }

                return Task.CompletedTask;
            },
            context.Response);
        return next(context);
    }
}
