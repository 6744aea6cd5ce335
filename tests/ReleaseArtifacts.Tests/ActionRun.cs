using Tailpaste.Shared.Actions;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>Runs the action end to end through ActionHost with variables that simulate the runner.</summary>
public sealed class ActionRun : IDisposable
{
    private ActionRun(string folder)
    {
        Folder = folder;
        OutputFile = Path.Combine(folder, "github_output");
        SummaryFile = Path.Combine(folder, "step_summary.md");
        File.WriteAllText(OutputFile, string.Empty);
        File.WriteAllText(SummaryFile, string.Empty);
    }

    public string Folder { get; }

    public string OutputFile { get; }

    public string SummaryFile { get; }

    public string OutputDir => Path.Combine(Folder, "dist");

    public int ExitCode { get; private set; }

    public string Stdout { get; private set; } = string.Empty;

    public string Stderr { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Outputs => ParseOutputs(File.ReadAllText(OutputFile));

    /// <summary>Runs the action against <paramref name="repository"/> with the given inputs (without the INPUT_ prefix).</summary>
    public static async Task<ActionRun> StartAsync(string repository, IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string>? variables = null)
    {
        var run = new ActionRun(Directory.CreateTempSubdirectory("release-artifacts-run-").FullName);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = run.OutputFile,
            ["GITHUB_STEP_SUMMARY"] = run.SummaryFile,
            ["INPUT_REPOSITORY-PATH"] = repository,
            ["INPUT_OUTPUT-DIR"] = run.OutputDir,
            ["INPUT_STEPS"] = "validate, changelog, archive, checksums, installer",
        };
        foreach (var (name, value) in inputs)
        {
            env[InputValues.VariableName(name)] = value;
        }

        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        // The runner applies action.yml defaults; ActionHost does the same for inputs not given.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        run.ExitCode = await ActionHost.RunAsync(ReleaseArtifactsAction.Definition, [], env, stdout, stderr);
        run.Stdout = stdout.ToString();
        run.Stderr = stderr.ToString();
        return run;
    }

    public static IReadOnlyDictionary<string, string> ParseOutputs(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].IndexOf("<<", StringComparison.Ordinal);
            if (marker <= 0)
            {
                continue;
            }

            var name = lines[i][..marker];
            var delimiter = lines[i][(marker + 2)..];
            var value = new List<string>();
            for (i++; i < lines.Length && lines[i] != delimiter; i++)
            {
                value.Add(lines[i]);
            }

            outputs[name] = string.Join('\n', value);
        }

        return outputs;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
