namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>How a raw request ended.</summary>
public enum RawExchangeOutcome
{
    /// <summary>A complete answer came (status line, headers, and the body to its end or to the read cap).</summary>
    Answered,

    /// <summary>The connection was closed before a status line.</summary>
    Closed,

    /// <summary>The connection was reset before a complete answer.</summary>
    Reset,

    /// <summary>No complete answer within the timeout.</summary>
    Timeout,

    /// <summary>No connection could be made.</summary>
    ConnectFailed,
}
