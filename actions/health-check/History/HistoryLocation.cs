using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.HealthCheck.History;

/// <summary>Where the run history lives: a local SQLite file, or a file of that name inside a Docker volume; both null for none.</summary>
public sealed record HistoryLocation(string? Path, string? Volume)
{
    public static HistoryLocation Bind(ActionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var path = inputs.GetOptionalInput("history-path");
        var volume = inputs.GetOptionalInput("history-volume");
        if (volume is null)
        {
            return path is not null && HealthHistory.Problem(path) is { } problem
                ? throw inputs.Invalid("history-path", path, problem)
                : new HistoryLocation(path, null);
        }

        DockerNames.Volume(volume, "history-volume");
        var fileName = inputs.DocumentedDefault("history-path");
        path ??= fileName;
        return path is "." or ".." || path.IndexOfAny(['/', '\\']) >= 0
            ? throw inputs.Invalid("history-path", path, $"a file name without folders when history-volume is given (default {fileName})")
            : new HistoryLocation(path, volume);
    }
}
