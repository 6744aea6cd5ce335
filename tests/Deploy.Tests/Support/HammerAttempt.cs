using System.Globalization;

namespace Tailpaste.Deploy.Tests.Support;

/// <summary>
/// One sending of a hammer request and what the client saw: a status, or how the answer was lost, on which kind of
/// connection, and how many bytes of an answer had come back before it was lost.
/// </summary>
/// <param name="Status">The answer's status; null when none came.</param>
/// <param name="Loss">How the answer was lost; null when there was one.</param>
/// <param name="Error">The client's error text; null when there was an answer.</param>
/// <param name="OnKeptAliveConnection">Sent on a connection opened before the request (kept alive from an earlier one).</param>
/// <param name="AnswerBytes">Bytes read on the connection while the request was out.</param>
/// <param name="ResentByHandler">.NET's handler sent it again itself on a new connection (it does so after an end of stream on a kept-alive connection, not after a reset).</param>
public sealed record HammerAttempt(int? Status, HammerLoss? Loss, string? Error, bool OnKeptAliveConnection, long AnswerBytes, bool ResentByHandler)
{
    /// <summary>
    /// Lost in flight on a kept-alive connection the server closed, before any byte of an answer: RFC 9112 section
    /// 9.3.1 lets a client send an idempotent request again then, and browsers, curl and Go do.
    /// </summary>
    public bool LostOnKeptAliveConnection =>
        Status is null && OnKeptAliveConnection && AnswerBytes == 0 && Loss is HammerLoss.Reset or HammerLoss.EndOfStream;

    public override string ToString()
    {
        var connection = OnKeptAliveConnection ? "a kept-alive connection" : "a new connection";
        var resent = ResentByHandler ? ", resent by the handler after the first one ended" : string.Empty;
        return Status is { } status
            ? string.Create(CultureInfo.InvariantCulture, $"status {status} on {connection}{resent}")
            : string.Create(CultureInfo.InvariantCulture, $"{Loss} ({Error}) on {connection} after {AnswerBytes} answer bytes{resent}");
    }
}
