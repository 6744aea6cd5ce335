namespace Tailpaste.Deploy.Containers;

/// <summary>
/// The labels every container the deploy action creates carries: <c>environment=production</c> (which
/// docker-cleanup never touches, whatever its inputs say), <c>managed-by=deploy</c>, the service and the
/// container's role, and the version and commit — both as this project's labels and as OCI labels.
/// </summary>
public static class DeployLabels
{
    public const string Environment = "environment";
    public const string Production = "production";
    public const string ManagedBy = "managed-by";
    public const string Deploy = "deploy";
    public const string Service = "tailpaste.deploy.service";
    public const string Role = "tailpaste.deploy.role";
    public const string Slot = "tailpaste.deploy.slot";
    public const string Version = "tailpaste.version";
    public const string Commit = "tailpaste.commit";
    public const string OciVersion = "org.opencontainers.image.version";
    public const string OciRevision = "org.opencontainers.image.revision";

    private static readonly HashSet<string> _setByDeploy = [Environment, ManagedBy, Service, Role, Slot, Version, Commit, OciVersion, OciRevision];

    /// <summary>The labels of a container with <paramref name="role"/> (service, slot, proxy, helper) of <paramref name="service"/>.</summary>
    public static Dictionary<string, string> For(string service, string role, string? slot, ImageFacts image, IReadOnlyDictionary<string, string> extra)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(extra);
        var labels = new Dictionary<string, string>(extra, StringComparer.Ordinal)
        {
            [Environment] = Production,
            [ManagedBy] = Deploy,
            [Service] = service,
            [Role] = role,
            [Version] = image.Version,
            [Commit] = image.Commit,
            [OciVersion] = image.Version,
            [OciRevision] = image.Commit,
        };
        if (slot is not null)
        {
            labels[Slot] = slot;
        }

        return labels;
    }

    /// <summary>Labels the action sets itself, which are never carried over from the running container.</summary>
    public static bool IsSetByDeploy(string key) => _setByDeploy.Contains(key);
}
