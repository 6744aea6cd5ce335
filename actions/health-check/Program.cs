using Tailpaste.HealthCheck;
using Tailpaste.Shared.Actions;

return await ActionHost.RunAsync(HealthCheckAction.Definition, args, RunnerEnvironment.ProcessVariables(), Console.Out, Console.Error);
