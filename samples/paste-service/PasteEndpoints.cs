using System.Text;

namespace Tailpaste.PasteService;

/// <summary>Tailpaste's contract: <c>GET /</c>, <c>POST /</c> (create) and <c>GET /{id}</c> (read).</summary>
public sealed partial class PasteEndpoints(
    PasteStore store,
    UploadAuthorizer authorizer,
    FaultOptions faults,
    TimeProvider time,
    ILogger<PasteEndpoints> logger)
{
    /// <summary>1 MiB: a paste of exactly this many bytes is accepted, one more is 413.</summary>
    public const int MaxPasteBytes = 1024 * 1024;

    public const string TextPlain = "text/plain; charset=utf-8";

    // A fresh random id colliding even once is unlikely; three times in a row means something else is wrong.
    private const int IdAttempts = 3;

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => TypedResults.Text("OK\n", TextPlain));
        routes.MapPost("/", (HttpContext context, PasteEndpoints endpoints) => endpoints.CreateAsync(context));
        routes.MapGet("/{id}", (string id, PasteEndpoints endpoints, CancellationToken cancellationToken) =>
            endpoints.ReadAsync(id, cancellationToken));
    }

    public async Task<IResult> CreateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var sourceHost = ClientAddress.Of(context);

        var decision = authorizer.Decide(request.Headers.Authorization);
        if (!decision.Allowed)
        {
            LogUploadRefused(sourceHost, decision.DenialReason);
            return TypedResults.Text($"forbidden: {decision.DenialReason}\n", TextPlain, statusCode: StatusCodes.Status403Forbidden);
        }

        var sourceUser = decision.SourceUser ?? UploadAuthorizer.AnonymousUser;
        RequestUser.Set(context, sourceUser);

        var body = await CappedBodyReader.ReadAsync(request.Body, request.ContentLength, MaxPasteBytes, context.RequestAborted);
        if (body.IsTooLarge)
        {
            return TypedResults.Text($"paste too large: the limit is {MaxPasteBytes} bytes\n", TextPlain, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (body.Bytes.Length == 0)
        {
            return TypedResults.Text("empty paste: send the text as the request body\n", TextPlain, statusCode: StatusCodes.Status400BadRequest);
        }

        string content;
        try
        {
            content = _strictUtf8.GetString(body.Bytes);
        }
        catch (DecoderFallbackException)
        {
            return TypedResults.Text("paste is not UTF-8 text\n", TextPlain, statusCode: StatusCodes.Status400BadRequest);
        }

        if (faults.TruncateLargePastes && body.Bytes.Length > FaultOptions.TruncatedPasteBytes)
        {
            content = TruncatedUtf8(body.Bytes, FaultOptions.TruncatedPasteBytes);
        }

        for (var attempt = 1; attempt <= IdAttempts; attempt++)
        {
            var paste = new Paste(PasteId.New(), content, time.GetUtcNow(), sourceHost, sourceUser);
            if (await store.TryInsertAsync(paste, context.RequestAborted))
            {
                return TypedResults.Text($"{BaseUrl(request)}/{paste.Id}\n", TextPlain);
            }
        }

        throw new InvalidOperationException($"No free paste id after {IdAttempts} attempts.");
    }

    public async Task<IResult> ReadAsync(string id, CancellationToken cancellationToken)
    {
        if (!PasteId.IsWellFormed(id))
        {
            if (faults.CrashOnMalformedId)
            {
                throw new FormatException($"injected fault ({OptionsParser.FaultCrashVariable}): malformed paste id");
            }

            return faults.ReflectInput
                ? Reflected(StatusCodes.Status400BadRequest, "malformed paste id", id)
                : TypedResults.Text($"malformed paste id: expected {PasteId.Length} letters or digits\n", TextPlain, statusCode: StatusCodes.Status400BadRequest);
        }

        var paste = await store.FindAsync(id, cancellationToken);
        if (paste is not null)
        {
            return TypedResults.Text(paste.Content, TextPlain);
        }

        if (faults.UnknownIdFound)
        {
            return TypedResults.Text(string.Empty, TextPlain);
        }

        return faults.ReflectInput
            ? Reflected(StatusCodes.Status404NotFound, "paste not found", id)
            : TypedResults.Text("paste not found\n", TextPlain, statusCode: StatusCodes.Status404NotFound);
    }

    // The test-only reflection fault: the classic mistake of echoing the request into HTML unescaped.
    private static IResult Reflected(int status, string message, string id) =>
        TypedResults.Content($"<html><body><p>{message}: {id}</p></body></html>\n", "text/html; charset=utf-8", statusCode: status);

    // The test-only truncation fault, cut at a character boundary so the stored text stays valid UTF-8.
    private static string TruncatedUtf8(byte[] bytes, int maxBytes)
    {
        var length = maxBytes;
        while (length > 0 && (bytes[length] & 0xC0) == 0x80)
        {
            length--;
        }

        return _strictUtf8.GetString(bytes, 0, length);
    }

    // The URL is built from the Host the client used, so it works behind a port mapping.
    private static string BaseUrl(HttpRequest request)
    {
        var host = request.Host.HasValue
            ? request.Host.Value
            : $"{request.HttpContext.Connection.LocalIpAddress}:{request.HttpContext.Connection.LocalPort}";
        return $"{request.Scheme}://{host}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "upload refused from {SourceHost}: {Reason}")]
    private partial void LogUploadRefused(string sourceHost, string? reason);
}
