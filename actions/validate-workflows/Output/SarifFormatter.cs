using System.Text.Json;
using System.Text.Json.Nodes;
using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Output;

/// <summary>SARIF 2.1.0 with one run, every rule in the driver and one result per finding (uploadable to code scanning).</summary>
public static class SarifFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Render(IReadOnlyList<Finding> findings, IReadOnlyList<CheckInfo> rules, string version)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(rules);
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var driverRules = new JsonArray(rules.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Id,
            ["name"] = r.Id,
            ["shortDescription"] = new JsonObject { ["text"] = r.Description },
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(r.Severity) },
        }).ToArray());
        var results = new JsonArray();
        foreach (var finding in findings)
        {
            var region = new JsonObject { ["startLine"] = finding.Line, ["startColumn"] = finding.Column };
            if (finding.EndColumn is { } end)
            {
                region["endColumn"] = end;
            }

            var result = new JsonObject
            {
                ["ruleId"] = finding.Rule,
                ["level"] = Level(finding.Severity),
                ["message"] = new JsonObject { ["text"] = finding.Message },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = finding.File, ["uriBaseId"] = "%SRCROOT%" },
                        ["region"] = region,
                    },
                }),
            };
            if (ruleIndex.TryGetValue(finding.Rule, out var index))
            {
                result["ruleIndex"] = index;
            }

            results.Add(result);
        }

        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "validate-workflows",
                        ["version"] = version,
                        ["informationUri"] = "https://github.com/tailpaste/tailpaste-actions/tree/main/actions/validate-workflows",
                        ["rules"] = driverRules,
                    },
                },
                ["columnKind"] = "unicodeCodePoints",
                ["results"] = results,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string Level(Severity severity) => severity == Severity.Error ? "error" : "warning";
}
