using Tailpaste.ReleaseArtifacts;
using Tailpaste.Shared.Actions;

return await ActionHost.RunProcessAsync(ReleaseArtifactsAction.Definition, args);
