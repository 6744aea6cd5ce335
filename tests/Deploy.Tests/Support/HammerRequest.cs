namespace Tailpaste.Deploy.Tests.Support;

/// <summary>
/// One request of a <see cref="Hammer"/>: when it started and ended, its final status (null: no answer), what its
/// first sending saw, and the second sending when the first was lost on a kept-alive connection.
/// </summary>
public sealed record HammerRequest(DateTimeOffset Start, DateTimeOffset End, int? Status, HammerAttempt First, HammerAttempt? Resent = null)
{
    public override string ToString() =>
        $"{Start:HH:mm:ss.fff}-{End:HH:mm:ss.fff}: {First}{(Resent is { } again ? $"; sent again: {again}" : string.Empty)}";
}
