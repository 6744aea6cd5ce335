namespace Tailpaste.Shared.Actions;

/// <summary>
/// The CLI face of an action: <c>--name value</c>, <c>--name=value</c>, a bare <c>--flag</c> for inputs
/// whose default is true/false, action-specific aliases (<c>--export</c> for <c>report-path</c>), and plain
/// arguments after the flags (only for actions that take them: elsewhere a stray word is bad input, so
/// <c>--dry-run 0</c> can never turn into "dry run on, and an ignored 0").
/// </summary>
public sealed record CommandLine(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Arguments, bool HelpRequested)
{
    public static CommandLine Parse(IReadOnlyList<string> args, ActionManifest manifest, IReadOnlyDictionary<string, string>? aliases = null, bool acceptsArguments = true)
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
                if (!acceptsArguments)
                {
                    throw new InputException(UnexpectedArgument(args, i));
                }

                arguments.Add(arg);
                continue;
            }

            var (flag, inlineValue) = SplitFlag(arg[2..]);
            var name = aliases is not null && aliases.TryGetValue(flag, out var target) ? target : flag;
            // The value of an unknown flag is never echoed: `--upload-tokn SECRET` must not print the secret.
            var input = manifest.FindInput(name)
                ?? throw new InputException($"Unknown option '--{flag}': expected one of the options that --help lists{Suggestion(flag, manifest)}.");
            if (inlineValue is not null)
            {
                values[input.Name] = inlineValue;
            }
            else if (IsSwitch(input) && i + 1 < args.Count && LooksLikeASwitchValue(args[i + 1]))
            {
                // `--flag 0`, `--flag yes`: a value meant for the switch, which only takes true or false.
                values[input.Name] = args[++i];
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

    private static string UnexpectedArgument(IReadOnlyList<string> args, int index) =>
        index > 0 && args[index - 1].StartsWith("--", StringComparison.Ordinal)
            ? $"Unexpected argument after {args[index - 1].Split('=')[0]}: expected true or false after a switch, or a --name value pair; this command takes no plain arguments."
            : "Unexpected plain argument: expected --name value pairs; this command takes no plain arguments.";

    private static string Suggestion(string flag, ActionManifest manifest)
    {
        var closest = manifest.Inputs
            .Select(input => (input.Name, Distance: EditDistance(flag.ToLowerInvariant(), input.Name)))
            .Where(candidate => candidate.Distance <= Math.Max(1, candidate.Name.Length / 4))
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
        return closest is null ? string.Empty : $" (did you mean --{closest}?)";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    // Words people use for booleans that are not true/false: taken as the switch's value, so the input check
    // rejects them by name instead of the word silently becoming a plain argument.
    private static bool LooksLikeASwitchValue(string text) => _booleanWords.Contains(text);

    private static readonly HashSet<string> _booleanWords = new(["0", "1", "yes", "no", "y", "n", "on", "off", "t", "f"], StringComparer.OrdinalIgnoreCase);

    private static (string Flag, string? Value) SplitFlag(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (text, null) : (text[..equals], text[(equals + 1)..]);
    }

    private static bool IsSwitch(ActionInput input) => input.Default is not null && IsBoolean(input.Default);

    private static bool IsBoolean(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);
}
