using Tailpaste.Shared.Actions;
using Tailpaste.ValidateWorkflows;

return await ActionHost.RunProcessAsync(ValidateWorkflowsAction.Definition, args);
