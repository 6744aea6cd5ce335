using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// action.yml itself: a known <c>runs.using</c> with the keys it needs (main, image, steps), a docker image that is
/// <c>docker://</c> or an existing Dockerfile relative to the action folder, and well-formed inputs and outputs.
/// </summary>
public sealed class ActionMetadataRule : Rule
{
    private static readonly string[] _using = ["composite", "docker", "node12", "node16", "node20", "node24"];
    private static readonly string[] _colors = ["white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"];

    public override string Id => "action-metadata";

    public override string Description => "action.yml has a valid runs.using with its required keys, a docker image that exists, and inputs/outputs with descriptions (composite outputs with value).";

    public override void VisitAction(ActionMetadata action, RuleContext context)
    {
        Runs(action, context);
        foreach (var (name, body) in action.Root.GetMapping("inputs")?.Entries ?? [])
        {
            if (body is not MappingNode input)
            {
                continue;
            }

            if (!input.Has("description"))
            {
                context.Report(name, $"input \"{name.Value}\" needs \"description\"");
            }

            if (input.Get("required") is ScalarNode required && !required.IsBoolean && !required.IsNull)
            {
                context.Report(required, $"\"required\" of input \"{name.Value}\" must be true or false");
            }
        }

        var composite = action.Using == "composite";
        foreach (var (name, body) in action.Root.GetMapping("outputs")?.Entries ?? [])
        {
            var output = body as MappingNode;
            if (composite && output?.Has("value") != true)
            {
                context.Report(name, $"output \"{name.Value}\" of a composite action needs \"value\" (usually ${{{{ steps.<id>.outputs.<name> }}}})");
            }
            else if (!composite && output?.KeyOf("value") is { } value)
            {
                context.Report(value, $"output \"{name.Value}\" has \"value\", which only composite actions use; {action.Using} actions set outputs at run time");
            }
        }

        if (action.Root.GetMapping("branding")?.GetScalar("color") is { IsNull: false } color && !_colors.Contains(color.Value, StringComparer.Ordinal))
        {
            context.Report(color, $"branding color \"{color.Value}\" is not one of {KeyList.Quote(_colors)}");
        }
    }

    private static void Runs(ActionMetadata action, RuleContext context)
    {
        if (action.Runs is not { } runs)
        {
            return;
        }

        if (runs.GetScalar("using") is not { IsNull: false } usingNode)
        {
            context.Report(runs.Start, $"\"runs\" needs \"using\": one of {KeyList.Quote(_using)}");
            return;
        }

        if (!_using.Contains(usingNode.Value, StringComparer.Ordinal))
        {
            context.Report(usingNode, $"unknown runs.using \"{usingNode.Value}\"; expected one of {KeyList.Quote(_using)}");
            return;
        }

        switch (usingNode.Value)
        {
            case "composite" when runs.Get("steps") is null:
                context.Report(usingNode, "a composite action needs runs.steps");
                break;
            case "docker":
                DockerImage(action, runs, usingNode, context);
                break;
            case var node when node.StartsWith("node", StringComparison.Ordinal) && runs.Get("main") is null:
                context.Report(usingNode, $"a {node} action needs runs.main (the script to run)");
                break;
        }
    }

    private static void DockerImage(ActionMetadata action, MappingNode runs, ScalarNode usingNode, RuleContext context)
    {
        if (runs.GetScalar("image") is not { IsNull: false } image)
        {
            context.Report(usingNode, "a docker action needs runs.image: \"Dockerfile\" (a path relative to the action folder) or \"docker://<image>\"");
            return;
        }

        if (image.Value.StartsWith("docker://", StringComparison.Ordinal))
        {
            if (image.Value.Length == "docker://".Length)
            {
                context.Report(image, "\"docker://\" needs an image name after it");
            }

            return;
        }

        var folder = Path.GetDirectoryName(action.File.FullPath) ?? ".";
        var path = Path.GetFullPath(Path.Combine(folder, image.Value));
        if (!context.Repository.Reader.StaysInside(path))
        {
            context.Report(image, $"runs.image \"{image.Value}\" leads outside the repository; the runner builds only what the repository holds");
        }
        else if (!File.Exists(path))
        {
            context.Report(image, $"runs.image \"{image.Value}\" is neither docker://<image> nor an existing file relative to the action folder (looked for {context.Repository.DisplayPath(path)})");
        }
    }
}
