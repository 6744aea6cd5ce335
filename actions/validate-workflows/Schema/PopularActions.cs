using System.Text.Json;

namespace Tailpaste.ValidateWorkflows.Schema;

/// <summary>
/// The inputs and outputs of the most used actions per major version, and the majors that no longer run, from
/// the generated table popular-actions.json (each entry names its source action.yml; refreshed by
/// refresh-popular-actions.py next to it).
/// </summary>
public static class PopularActions
{
    private static readonly Lazy<Table> _table = new(Load);

    /// <summary>The action at <c>owner/repo[/path]@vN</c>, or null when the table does not have that major.</summary>
    public static PopularAction? Find(string name, string major) =>
        _table.Value.Actions.TryGetValue(name + "@" + major, out var action) ? action : null;

    /// <summary>Whether GitHub no longer runs this major of the action (its runtime or service was retired).</summary>
    public static bool IsOutdated(string name, string major) =>
        _table.Value.Outdated.TryGetValue(name, out var majors) && majors.Contains(major, StringComparer.OrdinalIgnoreCase);

    public static string Generated => _table.Value.Generated;

    private static Table Load()
    {
        using var stream = typeof(PopularActions).Assembly.GetManifestResourceStream("popular-actions.json")
            ?? throw new InvalidOperationException("popular-actions.json is not embedded");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var actions = new Dictionary<string, PopularAction>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in root.GetProperty("actions").EnumerateObject())
        {
            var inputs = entry.Value.GetProperty("inputs").EnumerateObject().ToDictionary(
                i => i.Name,
                i => new PopularInput(
                    i.Value.GetProperty("required").GetBoolean(),
                    i.Value.GetProperty("default").GetBoolean(),
                    i.Value.TryGetProperty("deprecated", out var deprecated) ? deprecated.GetString() : null),
                StringComparer.OrdinalIgnoreCase);
            var outputs = entry.Value.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var dynamic = entry.Value.TryGetProperty("dynamic-outputs", out var flag) && flag.GetBoolean();
            actions[entry.Name] = new PopularAction(entry.Name, entry.Value.GetProperty("source").GetString()!, inputs, outputs, dynamic);
        }

        var outdated = root.GetProperty("outdated").EnumerateObject().ToDictionary(
            o => o.Name,
            o => o.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(),
            StringComparer.OrdinalIgnoreCase);
        return new Table(root.GetProperty("generated").GetString()!, actions, outdated);
    }

    private sealed record Table(string Generated, Dictionary<string, PopularAction> Actions, Dictionary<string, string[]> Outdated);
}

/// <summary>An action at one major; <see cref="DynamicOutputs"/> when it sets outputs its action.yml does not declare (github-script).</summary>
public sealed record PopularAction(string Spec, string Source, IReadOnlyDictionary<string, PopularInput> Inputs, IReadOnlySet<string> Outputs, bool DynamicOutputs = false);

public sealed record PopularInput(bool Required, bool HasDefault, string? Deprecated);
