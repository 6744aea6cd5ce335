namespace Tailpaste.ValidateWorkflows.Yaml;

/// <summary>The loaded root node (null when the file is empty or could not be parsed) and any problems.</summary>
public sealed record YamlDocument(Node? Root, IReadOnlyList<YamlProblem> Problems)
{
    public bool Failed => Problems.Count > 0 && Root is null;
}
