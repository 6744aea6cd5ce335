namespace Tailpaste.BackupRestore.Engine;

/// <summary>A helper operation did not do its work; the message says why (the helper's own words).</summary>
public sealed class HelperException : Exception
{
    public HelperException()
    {
    }

    public HelperException(string message)
        : base(message)
    {
    }

    public HelperException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HelperException(string operation, long exitCode, string message)
        : base(message)
    {
        Operation = operation;
        ExitCode = exitCode;
    }

    public string? Operation { get; }

    /// <summary>1 when the work failed, 2 when there was nothing to work on.</summary>
    public long ExitCode { get; }
}
