using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

/// <summary>A manifest with one input of each shape the typed getters read, and inputs built from given values.</summary>
internal static class GetterManifest
{
    public static ActionManifest Manifest { get; } = ActionManifest.Parse("""
        name: Getters
        description: Inputs of every shape a typed getter reads.
        inputs:
          git-commit:
            description: The commit the release is built from.
          backup-id:
            description: The backup taken before.
          container-name:
            description: The service container.
          image:
            description: The image to run.
          helper-image:
            description: The image of the helpers.
          deploy-volume:
            description: The volume of the records.
          history-volume:
            description: The volume of the history.
          report-path:
            description: Where to write the JSON report.
        runs:
          using: docker
          image: Dockerfile
        """);

    public static ActionInputs Inputs(params (string Name, string Value)[] values) =>
        new(Manifest, values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase));
}
