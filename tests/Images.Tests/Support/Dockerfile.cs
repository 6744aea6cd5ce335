using System.Text.RegularExpressions;
using Tailpaste.TestKit;

namespace Tailpaste.Images.Tests.Support;

/// <summary>The root Dockerfile read as its instructions (continuation lines joined, comments dropped).</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<string> instructions) => Instructions = instructions;

    public IReadOnlyList<string> Instructions { get; }

    /// <summary>Every FROM instruction, in order.</summary>
    public IEnumerable<string> FromLines => Instructions.Where(i => i.StartsWith("FROM ", StringComparison.Ordinal));

    /// <summary>The stage names (FROM … AS name), in order.</summary>
    public IReadOnlyList<string> Stages => FromLines.Select(l => StageName().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    public static Dockerfile Load() => Load("Dockerfile");

    /// <summary>A Dockerfile of this repository, by its path from the root.</summary>
    public static Dockerfile Load(string path) => Parse(File.ReadAllText(RepositoryRoot.Combine(path)));

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<string>();
        var current = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (current.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
            {
                continue;
            }

            current += (current.Length == 0 ? string.Empty : " ") + line.Trim().TrimEnd('\\').Trim();
            if (!line.TrimEnd().EndsWith('\\'))
            {
                instructions.Add(current);
                current = string.Empty;
            }
        }

        return new Dockerfile(instructions);
    }

    /// <summary>What a stage is built from: the image or stage its FROM line names.</summary>
    public string Parent(string name) =>
        FromLines.Single(l => l.EndsWith(" AS " + name, StringComparison.Ordinal)).Split(' ')[1];

    /// <summary>The instructions of one stage, without its FROM line.</summary>
    public IReadOnlyList<string> Stage(string name)
    {
        var start = Instructions.ToList().FindIndex(i => i.StartsWith("FROM ", StringComparison.Ordinal) && i.EndsWith(" AS " + name, StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidOperationException($"The Dockerfile has no stage named {name}.");
        }

        return Instructions.Skip(start + 1).TakeWhile(i => !i.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
    }

    [GeneratedRegex(@" AS ([a-z0-9-]+)$")]
    private static partial Regex StageName();
}
