namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>A third-party step as a double sees it: the action (without @ref), its evaluated inputs and the job's folders.</summary>
public sealed record ThirdPartyStep(string Action, IReadOnlyDictionary<string, string> With, string Workspace, string Artifacts);

/// <summary>
/// Named stand-ins for the third-party actions the workflows use, so a run needs no network: each does the part
/// of its action's job the later steps depend on, and says so in its log. An action without a double fails its step.
/// </summary>
public static class TestDoubles
{
    public static IReadOnlyDictionary<string, Func<ThirdPartyStep, Task<LocalActionResult>>> Standard(string repositoryRoot) =>
        new Dictionary<string, Func<ThirdPartyStep, Task<LocalActionResult>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["actions/checkout"] = step => Task.FromResult(Checkout(repositoryRoot, step)),
            ["actions/upload-artifact"] = step => Task.FromResult(UploadArtifact(step)),
            ["docker/setup-buildx-action"] = _ => Task.FromResult(new LocalActionResult(0, "setup-buildx double: the engine's own builder is used", new Dictionary<string, string>(), string.Empty)),
        };

    /// <summary>actions/checkout: the repository's .github folder (the scripts the run steps call) copied into the workspace.</summary>
    private static LocalActionResult Checkout(string repositoryRoot, ThirdPartyStep step)
    {
        Copy(Path.Combine(repositoryRoot, ".github"), Path.Combine(step.Workspace, ".github"));
        var reference = step.With.GetValueOrDefault("ref", string.Empty);
        return new LocalActionResult(0, $"checkout double: .github copied (ref \"{reference}\")", new Dictionary<string, string>(), string.Empty);
    }

    /// <summary>actions/upload-artifact: the listed files that exist copied to artifacts/&lt;name&gt;/, with the retention noted.</summary>
    private static LocalActionResult UploadArtifact(ThirdPartyStep step)
    {
        var name = step.With.GetValueOrDefault("name", "artifact");
        var folder = Directory.CreateDirectory(Path.Combine(step.Artifacts, name)).FullName;
        var copied = new List<string>();
        foreach (var path in step.With.GetValueOrDefault("path", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var source = Path.Combine(step.Workspace, path);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(folder, Path.GetFileName(source)), overwrite: true);
                copied.Add(path);
            }
        }

        File.WriteAllText(Path.Combine(folder, ".retention-days"), step.With.GetValueOrDefault("retention-days", "90"));
        var missing = copied.Count == 0 && step.With.GetValueOrDefault("if-no-files-found", "warn") == "error";
        return new LocalActionResult(missing ? 1 : 0, $"upload-artifact double: {name} <- {string.Join(", ", copied)}", new Dictionary<string, string> { ["artifact-id"] = "1" }, string.Empty);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
