using System.Text;
using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// The inputs and outputs tables of an action's README, generated from its action.yml and kept between
/// <c>&lt;!-- action-docs:inputs --&gt;</c> / <c>&lt;!-- action-docs:outputs --&gt;</c> and <c>&lt;!-- action-docs:end --&gt;</c>.
/// </summary>
public static partial class ActionDocs
{
    public static string InputsTable(ActionManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var text = new StringBuilder("| Input | Description | Default | Required |\n| --- | --- | --- | --- |\n");
        foreach (var input in manifest.Inputs)
        {
            // A multi-line default shows one code span per line.
            var defaultValue = string.Join("<br>", (input.Default ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => $"`{Cell(l)}`"));
            text.Append(CultureInfoInvariant($"| `{input.Name}` | {Cell(input.Description)} | {defaultValue} | {(input.Required ? "yes" : "no")} |\n"));
        }

        return text.ToString();
    }

    public static string OutputsTable(ActionManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var text = new StringBuilder("| Output | Description |\n| --- | --- |\n");
        foreach (var output in manifest.Outputs)
        {
            text.Append(CultureInfoInvariant($"| `{output.Name}` | {Cell(output.Description)} |\n"));
        }

        return text.ToString();
    }

    /// <summary>The README with both tables replaced by the ones action.yml gives.</summary>
    public static string Update(string readme, ActionManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(readme);
        var updated = Replace(readme, "inputs", InputsTable(manifest));
        return Replace(updated, "outputs", OutputsTable(manifest));
    }

    private static string Replace(string readme, string section, string table)
    {
        var pattern = new Regex($"(<!-- action-docs:{section} -->\\n)(.*?)(<!-- action-docs:end -->)", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        if (!pattern.IsMatch(readme))
        {
            throw new FormatException($"The README has no '<!-- action-docs:{section} -->' ... '<!-- action-docs:end -->' block.");
        }

        return pattern.Replace(readme, m => m.Groups[1].Value + table + m.Groups[3].Value, 1);
    }

    private static string Cell(string text) =>
        Whitespace().Replace(text.Trim(), " ").Replace("|", "\\|", StringComparison.Ordinal);

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
