using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// Replaces the values that change from run to run (times, durations, ids, ports, the Docker health state while
/// the image's HEALTHCHECK is still in its start period) with a placeholder, so a snapshot compares the shape and
/// the stable values only. Paths are dotted; <c>*</c> matches any key or array index.
/// </summary>
public static class ReportMask
{
    public const string Placeholder = "<volatile>";

    public static string Apply(JsonNode report, IEnumerable<string> volatilePaths)
    {
        ArgumentNullException.ThrowIfNull(report);
        var copy = report.DeepClone();
        foreach (var path in volatilePaths)
        {
            Mask(copy, path.Split('.'), 0);
        }

        return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static void Mask(JsonNode? node, string[] parts, int index)
    {
        if (node is null || index >= parts.Length)
        {
            return;
        }

        var part = parts[index];
        var last = index == parts.Length - 1;
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (part == "*" || part == key)
                    {
                        if (last)
                        {
                            obj[key] = Placeholder;
                        }
                        else
                        {
                            Mask(obj[key], parts, index + 1);
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (part == "*" || part == i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    {
                        if (last)
                        {
                            array[i] = Placeholder;
                        }
                        else
                        {
                            Mask(array[i], parts, index + 1);
                        }
                    }
                }

                break;
            default:
                break;
        }
    }
}
