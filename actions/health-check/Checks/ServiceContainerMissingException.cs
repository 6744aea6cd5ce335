namespace Tailpaste.HealthCheck.Checks;

/// <summary>The service container a check needs does not exist; the check fails with this message.</summary>
public sealed class ServiceContainerMissingException : Exception
{
    public ServiceContainerMissingException()
    {
    }

    public ServiceContainerMissingException(string message)
        : base(message)
    {
    }

    public ServiceContainerMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
