using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>permissions:</c> is read-all, write-all, {} or a mapping of known scopes to read, write or none.</summary>
public sealed class PermissionsRule : Rule
{
    private static readonly Dictionary<string, string[]> _scopes = new(StringComparer.Ordinal)
    {
        ["actions"] = ["read", "write", "none"],
        ["artifact-metadata"] = ["read", "write", "none"],
        ["attestations"] = ["read", "write", "none"],
        ["checks"] = ["read", "write", "none"],
        ["contents"] = ["read", "write", "none"],
        ["copilot-requests"] = ["write", "none"],
        ["deployments"] = ["read", "write", "none"],
        ["discussions"] = ["read", "write", "none"],
        ["id-token"] = ["read", "write", "none"], // read grants nothing, but GitHub and actionlint accept it
        ["issues"] = ["read", "write", "none"],
        ["models"] = ["read", "none"],
        ["packages"] = ["read", "write", "none"],
        ["pages"] = ["read", "write", "none"],
        ["pull-requests"] = ["read", "write", "none"],
        ["repository-projects"] = ["read", "write", "none"],
        ["security-events"] = ["read", "write", "none"],
        ["statuses"] = ["read", "write", "none"],
        ["vulnerability-alerts"] = ["read", "none"],
    };

    public override string Id => "permissions";

    public override string Description => "permissions use known scopes (contents, packages, id-token...) with read, write or none, or read-all / write-all.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        Check(workflow.Root.Get("permissions"), context);
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        Check(job.Body.Get("permissions"), context);
    }

    private static void Check(Node? node, RuleContext context)
    {
        switch (node)
        {
            case ScalarNode { IsNull: true } or ScalarNode { ContainsExpression: true } or null:
                return;
            case ScalarNode scalar when scalar.Value is not ("read-all" or "write-all"):
                context.Report(scalar, $"\"{scalar.Value}\" is not a permission; use \"read-all\", \"write-all\", {{}} or a mapping of scopes");
                return;
            case MappingNode mapping:
                foreach (var (scope, level) in mapping.Entries)
                {
                    if (!_scopes.TryGetValue(scope.Value, out var levels))
                    {
                        context.Report(scope, $"unknown permission scope \"{scope.Value}\"; expected one of {KeyList.Quote(_scopes.Keys)}");
                    }
                    else if (level is not ScalarNode value || !levels.Contains(value.Value, StringComparer.Ordinal))
                    {
                        var shown = level is ScalarNode s ? s.Value : level.KindName;
                        context.Report(level, $"\"{shown}\" is not a level for scope \"{scope.Value}\"; expected one of {KeyList.Quote(levels)}");
                    }
                }

                return;
        }
    }
}
