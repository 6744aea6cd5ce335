namespace Tailpaste.PasteService;

/// <summary>What one access-log line says about one request.</summary>
public sealed record AccessLogEntry(
    string ClientIp,
    string? User,
    DateTimeOffset ReceivedAt,
    string Method,
    string Target,
    string Protocol,
    int Status,
    long BytesSent,
    string? Referer,
    string? UserAgent,
    TimeSpan Duration);
