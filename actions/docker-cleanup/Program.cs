using Tailpaste.DockerCleanup;
using Tailpaste.Shared.Actions;

return await ActionHost.RunAsync(DockerCleanupAction.Definition, args, RunnerEnvironment.ProcessVariables(), Console.Out, Console.Error);
