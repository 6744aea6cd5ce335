namespace Tailpaste.TestKit;

/// <summary>The service did not become healthy; <see cref="PortTaken"/> says whether another port may help.</summary>
public sealed class PasteServiceStartException : Exception
{
    public PasteServiceStartException()
    {
    }

    public PasteServiceStartException(string message)
        : base(message)
    {
    }

    public PasteServiceStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PasteServiceStartException(string message, bool portTaken)
        : base(message)
    {
        PortTaken = portTaken;
    }

    public bool PortTaken { get; }
}
