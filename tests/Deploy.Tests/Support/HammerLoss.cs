namespace Tailpaste.Deploy.Tests.Support;

/// <summary>How a hammer request got no answer.</summary>
public enum HammerLoss
{
    /// <summary>The connection was reset (TCP RST): the peer closed it with the request unread.</summary>
    Reset,

    /// <summary>The connection ended (FIN) before the first byte of an answer.</summary>
    EndOfStream,

    /// <summary>Nothing came back within the client's timeout.</summary>
    Timeout,

    /// <summary>The connection was refused: nothing listened.</summary>
    Refused,

    /// <summary>Anything else, described by the error.</summary>
    Other,
}
