namespace Tailpaste.Shared.Actions;

/// <summary>
/// The CLI face of an action: <c>--name value</c>, <c>--name=value</c>, a bare <c>--flag</c> for inputs
/// whose default is true/false, action-specific aliases (<c>--export</c> for <c>report-path</c>), and plain
/// arguments after the flags.
/// </summary>
public sealed record CommandLine(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Arguments, bool HelpRequested)
{
    public static CommandLine Parse(IReadOnlyList<string> args, ActionManifest manifest, IReadOnlyDictionary<string, string>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(manifest);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var arguments = new List<string>();
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                help = true;
                continue;
            }

            if (arg == "--")
            {
                arguments.AddRange(args.Skip(i + 1));
                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                arguments.Add(arg);
                continue;
            }

            var (flag, inlineValue) = SplitFlag(arg[2..]);
            var name = aliases is not null && aliases.TryGetValue(flag, out var target) ? target : flag;
            var input = manifest.FindInput(name)
                ?? throw new InputException($"--{flag}", inlineValue, "one of the options that --help lists");
            if (inlineValue is not null)
            {
                values[input.Name] = inlineValue;
            }
            else if (IsSwitch(input) && (i + 1 >= args.Count || !IsBoolean(args[i + 1])))
            {
                values[input.Name] = "true";
            }
            else if (i + 1 < args.Count)
            {
                values[input.Name] = args[++i];
            }
            else
            {
                throw new InputException(input.Name, null, $"a value after --{flag}");
            }
        }

        return new CommandLine(values, arguments, help);
    }

    private static (string Flag, string? Value) SplitFlag(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (text, null) : (text[..equals], text[(equals + 1)..]);
    }

    private static bool IsSwitch(ActionInput input) => input.Default is not null && IsBoolean(input.Default);

    private static bool IsBoolean(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);
}
