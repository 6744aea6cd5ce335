using System.Globalization;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy.Containers;

/// <summary>
/// What the inputs change about the running container's settings (env, ports, volumes, network mode, labels,
/// health check); everything not given is kept as the running container has it. Every value is checked here,
/// before anything is touched, against a strict pattern: these go into the Engine API, never into a shell.
/// </summary>
public sealed partial record SettingsOverrides
{
    /// <summary>Variables set over the running container's, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];

    /// <summary>Port bindings replacing the running container's; null keeps them.</summary>
    public IReadOnlyDictionary<string, IList<PortBinding>>? Ports { get; init; }

    /// <summary>Mounts (<c>source:target[:ro]</c>) replacing the running container's; null keeps them.</summary>
    public IReadOnlyList<string>? Volumes { get; init; }

    public string? NetworkMode { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>A health check command for the container's shell; null keeps the running container's.</summary>
    public string? Healthcheck { get; init; }

    /// <summary>The health check is switched off.</summary>
    public bool NoHealthcheck { get; init; }

    public static SettingsOverrides Bind(ActionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var healthcheck = inputs.GetOptionalInput("healthcheck");
        if (healthcheck is not null && (healthcheck.Length > 1024 || healthcheck.Any(char.IsControl)))
        {
            throw inputs.Invalid("healthcheck", healthcheck, "one line of at most 1024 characters (a command for the container's shell), or none");
        }

        var labels = inputs.GetOptionalInput("labels") is { } text ? (IReadOnlyDictionary<string, string>)LabelSet.Parse(text, "labels") : new Dictionary<string, string>();
        return new SettingsOverrides
        {
            Env = ParseEnv(inputs),
            Ports = ParsePorts(inputs),
            Volumes = ParseVolumes(inputs),
            NetworkMode = ParseNetworkMode(inputs),
            Labels = labels,
            Healthcheck = healthcheck is null or "none" ? null : healthcheck,
            NoHealthcheck = healthcheck == "none",
        };
    }

    private static List<KeyValuePair<string, string>> ParseEnv(ActionInputs inputs)
    {
        var variables = new List<KeyValuePair<string, string>>();
        foreach (var line in inputs.GetMultilineInput("env"))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? line[..equals].Trim() : line.Trim();

            // The value may be a secret: only the name is ever echoed.
            if (equals <= 0 || !VariableName().IsMatch(name) || line.Contains('\0', StringComparison.Ordinal))
            {
                throw inputs.Invalid("env", equals > 0 ? $"{Shorten(name)}=***" : Shorten(line), "NAME=value lines, NAME being letters, digits and _ (not starting with a digit)");
            }

            variables.Add(new(name, line[(equals + 1)..]));
        }

        return variables;
    }

    private static Dictionary<string, IList<PortBinding>>? ParsePorts(ActionInputs inputs)
    {
        var lines = inputs.GetMultilineInput("ports");
        if (lines.Count == 0)
        {
            return null;
        }

        var ports = new Dictionary<string, IList<PortBinding>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var match = PortPattern().Match(line.Trim());
            if (!match.Success || !IsPort(match.Groups["host"].Value) || !IsPort(match.Groups["container"].Value))
            {
                throw inputs.Invalid("ports", Shorten(line), "[ip:]host-port:container-port[/tcp|/udp] lines with ports from 1 to 65535, such as 127.0.0.1:8080:8080");
            }

            var key = $"{match.Groups["container"].Value}/{(match.Groups["protocol"].Success ? match.Groups["protocol"].Value : "tcp")}";
            if (!ports.TryGetValue(key, out var bindings))
            {
                ports[key] = bindings = [];
            }

            bindings.Add(new PortBinding { HostIP = match.Groups["ip"].Success ? match.Groups["ip"].Value : string.Empty, HostPort = match.Groups["host"].Value });
        }

        return ports;
    }

    private static List<string>? ParseVolumes(ActionInputs inputs)
    {
        var lines = inputs.GetMultilineInput("volumes");
        if (lines.Count == 0)
        {
            return null;
        }

        foreach (var line in lines)
        {
            var parts = line.Trim().Split(':');
            var valid = parts.Length is 2 or 3
                && (DockerNames.IsVolumeName(parts[0]) || IsAbsolutePath(parts[0]))
                && IsAbsolutePath(parts[1])
                && (parts.Length == 2 || parts[2] is "ro" or "rw");
            if (!valid)
            {
                throw inputs.Invalid("volumes", Shorten(line), "volume-or-absolute-host-path:/container/path[:ro] lines (no .., no spaces around the colons)");
            }
        }

        return [.. lines.Select(line => line.Trim())];
    }

    private static string? ParseNetworkMode(ActionInputs inputs)
    {
        var mode = inputs.GetOptionalInput("network-mode");
        return mode is null || NetworkPattern().IsMatch(mode)
            ? mode
            : throw inputs.Invalid("network-mode", Shorten(mode), "host, none, or a Docker network name (letters, digits, _ . -)");
    }

    private static bool IsPort(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535;

    private static bool IsAbsolutePath(string path) =>
        path.StartsWith('/') && path.Length <= 1024 && !path.Any(char.IsControl) && !path.Split('/').Any(part => part is "." or "..");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();

    [GeneratedRegex(@"^(?:(?<ip>[0-9.]{7,15}|\[[0-9a-fA-F:]+\]):)?(?<host>[0-9]{1,5}):(?<container>[0-9]{1,5})(?:/(?<protocol>tcp|udp))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PortPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex NetworkPattern();
}
