using Microsoft.Data.Sqlite;

namespace Tailpaste.PasteService;

/// <summary>What the pipeline looks at: /healthz, /readyz, /metrics and /version.</summary>
public sealed partial class OperationalEndpoints(
    PasteStore store,
    FaultOptions faults,
    RequestMetrics metrics,
    BuildInfo build,
    ILogger<OperationalEndpoints> logger)
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var operational = routes.MapGroup(string.Empty).WithMetadata(FaultErrorExempt.Instance);
        operational.MapGet("/healthz", () => TypedResults.Text("ok\n", PasteEndpoints.TextPlain));
        operational.MapGet("/readyz", (OperationalEndpoints endpoints, CancellationToken cancellationToken) =>
            endpoints.ReadyAsync(cancellationToken));
        operational.MapGet("/metrics", (OperationalEndpoints endpoints) => endpoints.Metrics());
        operational.MapGet("/version", (OperationalEndpoints endpoints) => endpoints.Version());
    }

    /// <summary>Ready when the database answers a real query on the pastes table.</summary>
    public async Task<IResult> ReadyAsync(CancellationToken cancellationToken)
    {
        if (faults.ReadinessFail)
        {
            LogNotReady("readiness failure injected (FAULT_READINESS_FAIL)");
            return NotReady("readiness failure injected");
        }

        try
        {
            await store.CheckReadableAsync(cancellationToken);
            return TypedResults.Text("ready\n", PasteEndpoints.TextPlain);
        }
        catch (SqliteException ex)
        {
            LogNotReady($"database did not answer: {ex.Message}");
            return NotReady("database did not answer");
        }
    }

    public IResult Metrics() =>
        TypedResults.Text(PrometheusExposition.Render(metrics, build), PrometheusExposition.ContentType);

    public IResult Version() => TypedResults.Json(new VersionResponse(build.Version, build.Commit));

    private static IResult NotReady(string reason) =>
        TypedResults.Text($"not ready: {reason}\n", PasteEndpoints.TextPlain, statusCode: StatusCodes.Status503ServiceUnavailable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "not ready: {Reason}")]
    private partial void LogNotReady(string reason);
}
