namespace Tailpaste.HealthCheck.Checks;

/// <summary>One check of the service; it records findings instead of throwing for what the service does wrong.</summary>
public interface IHealthCheck
{
    string Name { get; }

    Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken);
}
