using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// An action's action.yml: the single source of truth for its inputs (name, description, default,
/// required, secret) and its outputs. Actions embed their action.yml so the CLI's --help and the
/// input checks read the very file the runner reads.
/// </summary>
public sealed class ActionManifest
{
    private readonly Dictionary<string, ActionInput> _inputsByName;

    private ActionManifest(string name, string description, IReadOnlyList<ActionInput> inputs, IReadOnlyList<ActionOutput> outputs)
    {
        Name = name;
        Description = description;
        Inputs = inputs;
        Outputs = outputs;
        _inputsByName = inputs.ToDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<ActionInput> Inputs { get; }

    public IReadOnlyList<ActionOutput> Outputs { get; }

    /// <summary>The embedded resource name every action gives its action.yml.</summary>
    public const string ResourceName = "action.yml";

    public ActionInput? FindInput(string name) => _inputsByName.GetValueOrDefault(name);

    public bool DeclaresOutput(string name) => Outputs.Any(o => string.Equals(o.Name, name, StringComparison.Ordinal));

    public static ActionManifest Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads the action.yml an action assembly embeds as <see cref="ResourceName"/>.</summary>
    public static ActionManifest FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} does not embed {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"{assembly.GetName().Name}/{ResourceName}");
    }

    public static ActionManifest Parse(string yaml, string source = ResourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException($"{source}: expected a mapping with name, description, inputs, outputs and runs.");
        }

        var inputs = ReadEntries(root, "inputs", source).Select(e => ToInput(e.Name, e.Body)).ToList();
        var outputs = ReadEntries(root, "outputs", source)
            .Select(e => new ActionOutput(e.Name, Scalar(e.Body, "description") ?? string.Empty))
            .ToList();
        return new ActionManifest(Scalar(root, "name") ?? string.Empty, Scalar(root, "description") ?? string.Empty, inputs, outputs);
    }

    private static ActionInput ToInput(string name, YamlMappingNode body)
    {
        var description = Scalar(body, "description") ?? string.Empty;
        var required = string.Equals(Scalar(body, "required"), "true", StringComparison.OrdinalIgnoreCase);
        var isSecret = description.StartsWith(ActionInput.SecretMarker, StringComparison.OrdinalIgnoreCase);
        return new ActionInput(name, description, Scalar(body, "default"), required, isSecret);
    }

    private static IEnumerable<(string Name, YamlMappingNode Body)> ReadEntries(YamlMappingNode root, string key, string source)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is YamlScalarNode { Value: null or "" })
        {
            yield break;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw new FormatException($"{source}: '{key}' must be a mapping of names to definitions.");
        }

        foreach (var (nameNode, body) in mapping.Children)
        {
            var name = ((YamlScalarNode)nameNode).Value ?? string.Empty;
            yield return (name, body as YamlMappingNode ?? new YamlMappingNode());
        }
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
