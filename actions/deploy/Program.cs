using Tailpaste.Deploy;
using Tailpaste.Shared.Actions;

return await ActionHost.RunProcessAsync(DeployAction.Definition, args);
