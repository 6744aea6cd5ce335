using Tailpaste.Shared.Actions;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// The helper's command line: an operation, then <c>--name value</c> pairs and bare <c>--switch</c>es. The action
/// writes it; a mistake is a programming error, reported as bad usage (exit 2) naming the argument.
/// </summary>
public sealed class HelperArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);

    private HelperArguments(string operation)
    {
        Operation = operation;
    }

    public string Operation { get; }

    public static HelperArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new InputException("operation", args.Count == 0 ? null : args[0], "a helper operation first");
        }

        var parsed = new HelperArguments(args[0]);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
            {
                throw new InputException("argument", name, "--name value pairs");
            }

            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                parsed._values[name[2..]] = args[++i];
            }
            else
            {
                parsed._switches.Add(name[2..]);
            }
        }

        return parsed;
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new InputException("--" + name, null, "a value");

    public string? Optional(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public bool Switch(string name) => _switches.Contains(name);
}
