using System.Text;

namespace Tailpaste.Shared.Actions;

/// <summary>The CLI's --help, generated from action.yml so it can never drift from what the runner sees.</summary>
public static class HelpText
{
    public static string Render(ActionManifest manifest, string command, IReadOnlyDictionary<string, string>? aliases = null, string? usage = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var text = new StringBuilder();
        text.Append(manifest.Name).Append(" — ").AppendLine(manifest.Description.Trim());
        text.AppendLine();
        text.Append("Usage: ").Append(command).AppendLine(usage is null ? " [--input value]..." : " " + usage);
        text.AppendLine();
        text.AppendLine("Inputs (as --name value; in a workflow, under with:):");
        foreach (var input in manifest.Inputs)
        {
            var flags = "--" + input.Name;
            var aliasList = aliases?.Where(a => string.Equals(a.Value, input.Name, StringComparison.OrdinalIgnoreCase)).Select(a => "--" + a.Key).ToList() ?? [];
            if (aliasList.Count > 0)
            {
                flags += ", " + string.Join(", ", aliasList);
            }

            text.Append("  ").AppendLine(flags);
            text.Append("      ").AppendLine(input.Description.Trim().ReplaceLineEndings(" "));
            var facts = new List<string>();
            if (input.Required)
            {
                facts.Add("required");
            }

            if (!string.IsNullOrEmpty(input.Default))
            {
                facts.Add($"default: {input.Default.Trim().ReplaceLineEndings(", ")}");
            }

            if (facts.Count > 0)
            {
                text.Append("      (").Append(string.Join("; ", facts)).AppendLine(")");
            }
        }

        if (manifest.Outputs.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Outputs (printed as name=value outside a workflow):");
            foreach (var output in manifest.Outputs)
            {
                text.Append("  ").Append(output.Name).Append(": ").AppendLine(output.Description.Trim().ReplaceLineEndings(" "));
            }
        }

        text.AppendLine();
        text.AppendLine("Exit codes: 0 ok, 1 the checked thing failed, 2 bad input or usage.");
        return text.ToString();
    }
}
