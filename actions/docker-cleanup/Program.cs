using Tailpaste.DockerCleanup;
using Tailpaste.Shared.Actions;

return await ActionHost.RunProcessAsync(DockerCleanupAction.Definition, args);
