using System.Globalization;
using Tailpaste.Shared.IO;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// Typed access to an action's inputs. Only inputs that action.yml declares can be read (anything else is
/// a programming error), and every read is recorded, so a contract test can prove that the code and
/// action.yml agree in both directions. Values of secret inputs never appear in error messages.
/// </summary>
public sealed class ActionInputs
{
    private const string SecretShown = "***";

    private readonly ActionManifest _manifest;
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public ActionInputs(ActionManifest manifest, IReadOnlyDictionary<string, string> values, IReadOnlyList<string>? arguments = null)
    {
        _manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        _values = values ?? throw new ArgumentNullException(nameof(values));
        Arguments = arguments ?? [];
    }

    /// <summary>Plain command-line arguments (for example the files a linter is given).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Declared inputs that nothing has read yet.</summary>
    public IReadOnlyList<string> UnreadInputs => _manifest.Inputs.Select(i => i.Name).Where(n => !_read.Contains(n)).ToList();

    /// <summary>The non-empty values of inputs marked secret, to be masked before anything is printed.</summary>
    public IEnumerable<string> SecretValues =>
        _manifest.Inputs.Where(i => i.IsSecret && _values.ContainsKey(i.Name)).Select(i => _values[i.Name]).Where(v => v.Length > 0);

    /// <summary>The trimmed value, or "" when not given. With <paramref name="required"/>, absence is bad input.</summary>
    public string GetInput(string name, bool required = false)
    {
        var input = Declared(name);
        var given = _values.TryGetValue(input.Name, out var raw);
        var value = given ? raw!.Trim() : string.Empty;
        if (value.Length == 0 && (required || input.Required))
        {
            // Given but empty (an empty workflow expression) is named as such: the default was not used.
            throw new InputException(input.Name, given ? raw : null, given ? $"{Describe(input)}; it was given empty" : Describe(input));
        }

        return value;
    }

    /// <summary>The value, or null when the input was not given.</summary>
    public string? GetOptionalInput(string name)
    {
        var value = GetInput(name);
        return value.Length == 0 ? null : value;
    }

    /// <summary>The value, which must match <paramref name="format"/>, or null when the input was not given.</summary>
    public string? GetOptionalInput(string name, InputFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var value = GetOptionalInput(name);
        return value is null || format.IsValid(value) ? value : throw Invalid(name, value, format.Expected);
    }

    /// <summary>A <see cref="InputFormats.CommitId"/>, lower-cased, or null when the input was not given.</summary>
    public string? GetOptionalCommitIdInput(string name) => InputFormats.NormalizeCommitId(GetOptionalInput(name, InputFormats.CommitId));

    /// <summary>
    /// The <c>(default X)</c> the input's description ends with (<see cref="ActionInput.DocumentedDefault"/>): the one
    /// place a fallback value lives when the input's own <c>default:</c> must stay empty. A programming error when missing.
    /// </summary>
    public string DocumentedDefault(string name) =>
        _manifest.FindInput(name)?.DocumentedDefault
            ?? throw new InvalidOperationException($"action.yml does not end the description of input '{name}' with (default X).");

    /// <summary>
    /// The input's default as action.yml gives it: its <c>default:</c>, else the <c>(default X)</c> its description
    /// ends with; for code that must fill in a value given empty. A programming error when it has neither.
    /// </summary>
    public string DefaultOf(string name) => Declared(name).Default is { Length: > 0 } declared ? declared : DocumentedDefault(name);

    /// <summary>Exactly true or false, in any case; anything else (0, 1, yes, no, empty) is bad input, never a guess.</summary>
    public bool GetBoolInput(string name)
    {
        var value = GetInput(name, required: true);
        return value.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
            : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
            : throw Invalid(name, value, "true or false");
    }

    /// <summary>One entry per non-empty line, trimmed.</summary>
    public IReadOnlyList<string> GetMultilineInput(string name) =>
        GetInput(name).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Entries separated by newlines or commas, trimmed, empties dropped.</summary>
    public IReadOnlyList<string> GetListInput(string name) =>
        GetInput(name).Split(['\n', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    public int GetIntInput(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = GetInput(name, required: true);
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw Invalid(name, value, $"a whole number from {min} to {max}");
        }

        return number;
    }

    public double GetDoubleInput(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        var value = GetInput(name, required: true);
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number) || number < min || number > max)
        {
            throw Invalid(name, value, $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return number;
    }

    /// <summary>
    /// A time span by <see cref="DurationParser"/>'s one rule (seconds, or a number with a unit). Zero is allowed
    /// unless <paramref name="allowZero"/> is false; <paramref name="max"/> bounds it. Empty is bad input.
    /// </summary>
    public TimeSpan GetDurationInput(string name, TimeSpan? max = null, bool allowZero = true) =>
        ParseDuration(name, GetInput(name, required: true), max, allowZero);

    /// <summary><see cref="GetDurationInput"/>, or null when the input is empty.</summary>
    public TimeSpan? GetOptionalDurationInput(string name, TimeSpan? max = null, bool allowZero = true) =>
        GetOptionalInput(name) is { } value ? ParseDuration(name, value, max, allowZero) : null;

    /// <summary>An absolute http(s) URL with a host (<see cref="HttpUrl"/>); empty is bad input.</summary>
    public Uri GetUrlInput(string name) => ParseUrl(name, GetInput(name, required: true));

    /// <summary><see cref="GetUrlInput"/>, or null when the input is empty.</summary>
    public Uri? GetOptionalUrlInput(string name) => GetOptionalInput(name) is { } value ? ParseUrl(name, value) : null;

    /// <summary>One of a fixed set of words (case-insensitive); returns the canonical spelling.</summary>
    public string GetChoiceInput(string name, params string[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var value = GetInput(name, required: true);
        return choices.FirstOrDefault(c => c.Equals(value, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid(name, value, "one of " + string.Join(", ", choices));
    }

    /// <summary>
    /// The full path of a file the action will write (a report, say), checked now, before anything changes:
    /// not a folder, device or link, and its folder can take a new file. Relative paths resolve against the
    /// working directory (the workspace in a run).
    /// </summary>
    public string GetOutputPathInput(string name)
    {
        var value = GetInput(name, required: true);
        string full;
        try
        {
            full = Path.GetFullPath(value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Invalid(name, value, $"a file path ({e.Message})");
        }

        return WritableFilePath.Problem(full) is { } problem
            ? throw Invalid(name, value, $"a path where a file can be written, but {problem}")
            : full;
    }

    /// <summary><see cref="GetOutputPathInput"/>, or null when the input is empty (no file is wanted).</summary>
    public string? GetOptionalOutputPathInput(string name) => GetOptionalInput(name) is null ? null : GetOutputPathInput(name);

    /// <summary>Bad input for this input name, with the value hidden when the input is secret.</summary>
    public InputException Invalid(string name, string value, string expected)
    {
        var input = Declared(name);
        return new InputException(input.Name, input.IsSecret ? SecretShown : value, expected);
    }

    private TimeSpan ParseDuration(string name, string value, TimeSpan? max, bool allowZero) =>
        DurationParser.TryParse(value, out var duration) && (allowZero || duration > TimeSpan.Zero) && (max is null || duration <= max)
            ? duration
            : throw Invalid(name, value, DurationParser.ExpectedWithin(max, allowZero));

    private Uri ParseUrl(string name, string value)
    {
        var input = Declared(name);
        return HttpUrl.Parse(value, input.Name, input.IsSecret ? SecretShown : null);
    }

    private ActionInput Declared(string name)
    {
        var input = _manifest.FindInput(name)
            ?? throw new InvalidOperationException($"The code reads input '{name}', which action.yml does not declare.");
        _read.Add(input.Name);
        return input;
    }

    private static string Describe(ActionInput input) =>
        input.Description.Length == 0 ? "a value" : input.Description.Replace(ActionInput.SecretMarker, string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
}
