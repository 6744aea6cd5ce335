using Tailpaste.ReleaseArtifacts;
using Tailpaste.Shared.Actions;

return await ActionHost.RunAsync(ReleaseArtifactsAction.Definition, args, RunnerEnvironment.ProcessVariables(), Console.Out, Console.Error);
