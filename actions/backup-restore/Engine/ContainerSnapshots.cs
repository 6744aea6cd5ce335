using Docker.DotNet.Models;
using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Engine;

/// <summary>Turns an inspected container into a <see cref="ContainerSnapshot"/> and a snapshot back into creation parameters.</summary>
public static class ContainerSnapshots
{
    public static ContainerSnapshot Capture(ContainerInspectResponse container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var config = container.Config ?? new ContainerConfig();
        var host = container.HostConfig ?? new HostConfig();
        var env = new List<string>();
        var secrets = new List<string>();
        foreach (var variable in config.Env ?? [])
        {
            var name = variable.Split('=', 2)[0];
            if (SecretVariables.IsSecret(name))
            {
                secrets.Add(name);
            }
            else
            {
                env.Add(variable);
            }
        }

        return new ContainerSnapshot
        {
            Name = container.Name.TrimStart('/'),
            Image = config.Image,
            ImageId = container.Image,
            Env = env,
            SecretVariables = secrets,
            Cmd = config.Cmd?.ToList(),
            Entrypoint = config.Entrypoint?.ToList(),
            WorkingDir = string.IsNullOrEmpty(config.WorkingDir) ? null : config.WorkingDir,
            User = string.IsNullOrEmpty(config.User) ? null : config.User,
            Labels = new Dictionary<string, string>(config.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            ExposedPorts = (config.ExposedPorts?.Keys ?? []).Order(StringComparer.Ordinal).ToList(),
            Binds = Binds(container),
            PortBindings = (host.PortBindings ?? new Dictionary<string, IList<PortBinding>>())
                .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)(p.Value ?? []).Select(b => $"{b.HostIP}:{b.HostPort}").ToList(), StringComparer.Ordinal),
            NetworkMode = string.IsNullOrEmpty(host.NetworkMode) ? "default" : host.NetworkMode,
            RestartPolicy = host.RestartPolicy?.Name.ToString() is { Length: > 0 } policy ? Policy(host.RestartPolicy.Name) : "no",
            RestartMaximumRetryCount = host.RestartPolicy?.MaximumRetryCount ?? 0,
            Healthcheck = config.Healthcheck is { Test.Count: > 0 } check
                ? new HealthcheckSnapshot(check.Test.ToList(), Nanoseconds(check.Interval), Nanoseconds(check.Timeout), Nanoseconds(check.StartPeriod), check.Retries ?? 0)
                : null,
            StopSignal = string.IsNullOrEmpty(config.StopSignal) ? null : config.StopSignal,
        };
    }

    /// <summary>
    /// Creation parameters for the container as the snapshot saw it, under <paramref name="name"/>; each secret
    /// variable takes its value from <paramref name="secretsFrom"/> (the container being replaced) when it has one.
    /// </summary>
    public static CreateContainerParameters ToParameters(ContainerSnapshot snapshot, string name, string image, IReadOnlyList<string> secretsFrom)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(secretsFrom);
        var env = new List<string>(snapshot.Env);
        foreach (var secret in snapshot.SecretVariables)
        {
            if (secretsFrom.LastOrDefault(v => v.StartsWith(secret + "=", StringComparison.Ordinal)) is { } value)
            {
                env.Add(value);
            }
        }

        return new CreateContainerParameters
        {
            Name = name,
            Image = image,
            Env = env,
            Cmd = snapshot.Cmd?.ToList(),
            Entrypoint = snapshot.Entrypoint?.ToList(),
            WorkingDir = snapshot.WorkingDir ?? string.Empty,
            User = snapshot.User ?? string.Empty,
            Labels = new Dictionary<string, string>(snapshot.Labels),
            ExposedPorts = snapshot.ExposedPorts.ToDictionary(p => p, _ => new EmptyStruct()),
            StopSignal = snapshot.StopSignal,
            Healthcheck = snapshot.Healthcheck is { } check
                ? new HealthcheckConfig
                {
                    Test = check.Test.ToList(),
                    Interval = TimeSpan.FromTicks(check.IntervalNs / 100),
                    Timeout = TimeSpan.FromTicks(check.TimeoutNs / 100),
                    StartPeriod = TimeSpan.FromTicks(check.StartPeriodNs / 100),
                    Retries = check.Retries,
                }
                : null,
            HostConfig = new HostConfig
            {
                Binds = snapshot.Binds.ToList(),
                NetworkMode = snapshot.NetworkMode,
                PortBindings = snapshot.PortBindings.ToDictionary(
                    p => p.Key,
                    p => (IList<PortBinding>)p.Value.Select(b => new PortBinding { HostIP = b[..b.LastIndexOf(':')], HostPort = b[(b.LastIndexOf(':') + 1)..] }).ToList()),
                RestartPolicy = new RestartPolicy { Name = ParsePolicy(snapshot.RestartPolicy), MaximumRetryCount = snapshot.RestartMaximumRetryCount },
            },
        };
    }

    /// <summary>Every mount as docker's <c>source:target[:ro]</c>: named volumes by name, binds by host path.</summary>
    private static List<string> Binds(ContainerInspectResponse container) =>
        (container.Mounts ?? [])
            .Where(m => m.Type is "volume" or "bind")
            .Select(m => $"{(m.Type == "volume" ? m.Name : m.Source)}:{m.Destination}{(m.RW ? string.Empty : ":ro")}")
            .ToList();

    private static string Policy(RestartPolicyKind kind) => kind switch
    {
        RestartPolicyKind.Always => "always",
        RestartPolicyKind.OnFailure => "on-failure",
        RestartPolicyKind.UnlessStopped => "unless-stopped",
        _ => "no",
    };

    private static RestartPolicyKind ParsePolicy(string policy) => policy switch
    {
        "always" => RestartPolicyKind.Always,
        "on-failure" => RestartPolicyKind.OnFailure,
        "unless-stopped" => RestartPolicyKind.UnlessStopped,
        _ => RestartPolicyKind.No,
    };

    // The engine counts health-check times in nanoseconds; a TimeSpan tick is 100 ns.
    private static long Nanoseconds(TimeSpan? time) => (time ?? TimeSpan.Zero).Ticks * 100;
}
