using Tailpaste.Shared.Actions;
using Tailpaste.ValidateWorkflows;

return await ActionHost.RunAsync(ValidateWorkflowsAction.Definition, args, RunnerEnvironment.ProcessVariables(), Console.Out, Console.Error);
