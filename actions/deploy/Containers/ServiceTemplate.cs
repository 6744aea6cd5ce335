using System.Security.Cryptography;
using System.Text;
using Docker.DotNet.Models;

namespace Tailpaste.Deploy.Containers;

/// <summary>
/// The container's own settings — env, labels, command, mounts, ports, network mode, restart policy, health check —
/// without what its image gave it, so the new image's own defaults (its version variables, OCI labels, command)
/// take their place. The new container is created from this, with the inputs' overrides applied; the data stays
/// because the mounts (named, anonymous and bind) are carried over by name.
/// </summary>
public sealed record ServiceTemplate
{
    public IReadOnlyList<string> Env { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string>? Cmd { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    public string? User { get; init; }

    public string? WorkingDir { get; init; }

    /// <summary>Mounts in docker's <c>source:target[:ro]</c> form.</summary>
    public IReadOnlyList<string> Binds { get; init; } = [];

    public IReadOnlyDictionary<string, IList<PortBinding>> Ports { get; init; } = new Dictionary<string, IList<PortBinding>>();

    public string NetworkMode { get; init; } = "host";

    public RestartPolicyKind Restart { get; init; } = RestartPolicyKind.UnlessStopped;

    /// <summary>The container's own health check; null uses the image's.</summary>
    public HealthcheckConfig? Healthcheck { get; init; }

    public bool NoHealthcheck { get; init; }

    public string? StopSignal { get; init; }

    /// <summary>For a first deploy: the host network, nothing else of the container's own.</summary>
    public static ServiceTemplate Empty { get; } = new();

    /// <summary>The settings <paramref name="container"/> has beyond its image (<paramref name="image"/>; null when the image is gone).</summary>
    public static ServiceTemplate From(ContainerInspectResponse container, ImageInspectResponse? image)
    {
        ArgumentNullException.ThrowIfNull(container);
        var config = container.Config ?? new ContainerConfig();
        var host = container.HostConfig ?? new HostConfig();
        var imageConfig = image?.Config ?? new DockerOCIImageConfig();
        var imageEnv = new HashSet<string>(imageConfig.Env ?? [], StringComparer.Ordinal);
        var imageLabels = imageConfig.Labels ?? new Dictionary<string, string>();
        return new ServiceTemplate
        {
            Env = [.. (config.Env ?? []).Where(variable => !imageEnv.Contains(variable))],
            Labels = (config.Labels ?? new Dictionary<string, string>())
                .Where(label => !DeployLabels.IsSetByDeploy(label.Key) && !(imageLabels.TryGetValue(label.Key, out var value) && value == label.Value))
                .ToDictionary(label => label.Key, label => label.Value, StringComparer.Ordinal),
            Cmd = Same(config.Cmd, imageConfig.Cmd) ? null : config.Cmd?.ToList(),
            Entrypoint = Same(config.Entrypoint, imageConfig.Entrypoint) ? null : config.Entrypoint?.ToList(),
            User = string.IsNullOrEmpty(config.User) || config.User == imageConfig.User ? null : config.User,
            WorkingDir = string.IsNullOrEmpty(config.WorkingDir) || config.WorkingDir == imageConfig.WorkingDir ? null : config.WorkingDir,
            Binds = [.. (container.Mounts ?? []).Where(m => m.Type is "volume" or "bind")
                .Select(m => $"{(m.Type == "volume" ? m.Name : m.Source)}:{m.Destination}{(m.RW ? string.Empty : ":ro")}")],
            Ports = (host.PortBindings ?? new Dictionary<string, IList<PortBinding>>()).ToDictionary(p => p.Key, p => (IList<PortBinding>)[.. p.Value ?? []], StringComparer.Ordinal),
            NetworkMode = string.IsNullOrEmpty(host.NetworkMode) || host.NetworkMode == "default" ? "bridge" : host.NetworkMode,
            Restart = host.RestartPolicy?.Name ?? RestartPolicyKind.No,
            Healthcheck = config.Healthcheck is { Test.Count: > 0 } check && !SameCheck(check, imageConfig.Healthcheck) ? check : null,
            NoHealthcheck = config.Healthcheck is { Test: ["NONE", ..] },
            StopSignal = string.IsNullOrEmpty(config.StopSignal) || config.StopSignal == imageConfig.StopSignal ? null : config.StopSignal,
        };
    }

    /// <summary>The template with the inputs' changes.</summary>
    public ServiceTemplate Apply(SettingsOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var labels = new Dictionary<string, string>(Labels, StringComparer.Ordinal);
        foreach (var (key, value) in overrides.Labels)
        {
            labels[key] = value;
        }

        return this with
        {
            Env = WithVariables(Env, overrides.Env),
            Labels = labels,
            Ports = overrides.Ports ?? Ports,
            Binds = overrides.Volumes ?? Binds,
            NetworkMode = overrides.NetworkMode ?? NetworkMode,
            Healthcheck = overrides.NoHealthcheck ? null : overrides.Healthcheck is { } command
                ? new HealthcheckConfig { Test = ["CMD-SHELL", command], Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(5), Retries = 3 }
                : Healthcheck,
            NoHealthcheck = overrides.NoHealthcheck || (NoHealthcheck && overrides.Healthcheck is null),
        };
    }

    /// <summary>The template with these variables set (replacing any of the same name).</summary>
    public ServiceTemplate WithEnv(params KeyValuePair<string, string>[] variables) => this with { Env = WithVariables(Env, variables) };

    /// <summary>What to create: <paramref name="image"/> under <paramref name="name"/> with these settings and <paramref name="labels"/> on top.</summary>
    public CreateContainerParameters ToParameters(string name, string image, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var all = new Dictionary<string, string>(Labels, StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            all[key] = value;
        }

        return new CreateContainerParameters
        {
            Name = name,
            Image = image,
            Env = [.. Env],
            Labels = all,
            Cmd = Cmd?.ToList(),
            Entrypoint = Entrypoint?.ToList(),
            User = User ?? string.Empty,
            WorkingDir = WorkingDir ?? string.Empty,
            StopSignal = StopSignal,
            ExposedPorts = Ports.Keys.ToDictionary(port => port, _ => new EmptyStruct()),
            Healthcheck = NoHealthcheck ? new HealthcheckConfig { Test = ["NONE"] } : Healthcheck,
            HostConfig = new HostConfig
            {
                Binds = [.. Binds],
                NetworkMode = NetworkMode,
                PortBindings = Ports.ToDictionary(p => p.Key, p => (IList<PortBinding>)[.. p.Value]),
                RestartPolicy = new RestartPolicy { Name = Restart },

                // Bounded, and readable through the API (the verify window counts the new container's error lines).
                LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "20m", ["max-file"] = "3" } },
            },
        };
    }

    /// <summary>
    /// A SHA-256 over everything the container is created with but its name (env values included: whoever can
    /// read the record can read the container's configuration through the same engine anyway).
    /// </summary>
    public static string Hash(CreateContainerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = new StringBuilder();
        void Line(string key, IEnumerable<string>? values) => text.Append(key).Append('=').AppendJoin('\u001f', values ?? []).Append('\n');
        Line("image", [parameters.Image]);
        Line("env", parameters.Env?.Order(StringComparer.Ordinal));
        Line("labels", parameters.Labels?.Select(l => $"{l.Key}={l.Value}").Order(StringComparer.Ordinal));
        Line("cmd", parameters.Cmd);
        Line("entrypoint", parameters.Entrypoint);
        Line("user", [parameters.User ?? string.Empty, parameters.WorkingDir ?? string.Empty, parameters.StopSignal ?? string.Empty]);
        Line("health", parameters.Healthcheck?.Test);
        Line("binds", parameters.HostConfig?.Binds);
        Line("network", [parameters.HostConfig?.NetworkMode ?? string.Empty]);
        Line("ports", parameters.HostConfig?.PortBindings?.SelectMany(p => p.Value.Select(b => $"{b.HostIP}:{b.HostPort}->{p.Key}")).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static List<string> WithVariables(IReadOnlyList<string> env, IEnumerable<KeyValuePair<string, string>> variables)
    {
        var result = new List<string>(env);
        foreach (var (name, value) in variables)
        {
            result.RemoveAll(v => v.StartsWith(name + "=", StringComparison.Ordinal) || v == name);
            result.Add($"{name}={value}");
        }

        return result;
    }

    private static bool Same(IList<string>? a, IList<string>? b) => (a ?? []).SequenceEqual(b ?? [], StringComparer.Ordinal);

    private static bool SameCheck(HealthcheckConfig a, HealthcheckConfig? b) =>
        b is not null && Same(a.Test, b.Test) && a.Interval == b.Interval && a.Timeout == b.Timeout && a.Retries == b.Retries && a.StartPeriod == b.StartPeriod;
}
