using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

internal static class TestManifest
{
    public const string Yaml = """
        name: Sample action
        description: An action used by the runner-contract tests.
        inputs:
          service-url:
            description: Base URL of the service.
            default: http://localhost:8080
          attempts:
            description: How many requests to make.
            default: "3"
          dry-run:
            description: List what would happen and change nothing.
            default: "false"
          report-path:
            description: Where to write the JSON report.
          upload-token:
            description: (secret) Bearer token for uploads.
          labels:
            description: key=value pairs.
            default: |
              environment=testing
              managed-by=ci
          name with space:
            description: An input whose name has a space.
        outputs:
          status:
            description: healthy or unhealthy.
          report-path:
            description: Where the report went.
          p95-ms:
            description: 95th percentile latency.
        runs:
          using: docker
          image: Dockerfile
        """;

    public static ActionManifest Manifest { get; } = ActionManifest.Parse(Yaml);
}
