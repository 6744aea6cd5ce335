using Tailpaste.HealthCheck;
using Tailpaste.Shared.Actions;

return await ActionHost.RunProcessAsync(HealthCheckAction.Definition, args);
