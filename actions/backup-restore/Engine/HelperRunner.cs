using Docker.DotNet;
using Tailpaste.BackupRestore.Helper;
using Tailpaste.Shared.Docker;

namespace Tailpaste.BackupRestore.Engine;

/// <summary>
/// Runs one helper operation in a short-lived sibling container of the actions image (this very program, in
/// <see cref="HelperProgram"/>), with the mounts the operation needs, and reads back its result line.
/// </summary>
public sealed class HelperRunner(IDockerClient docker, string image, IReadOnlyDictionary<string, string> labels)
{
    public const string ImageInput = "helper-image";

    /// <summary>The action's name in the actions image (its entry point's first argument).</summary>
    public const string ActionName = "backup-restore";

    /// <summary>
    /// The helpers' CPU weight: an eighth of a normal container's, so on a busy host the service's requests
    /// go first and the helper takes what is left (a copy, a checksum, an integrity check can wait a little).
    /// </summary>
    public const long CpuShares = 128;

    public string Image => image;

    /// <summary>
    /// Runs <paramref name="operation"/>; its result, or a <see cref="HelperException"/> with the helper's message
    /// when it exits 1 or 2 (with <paramref name="failureResult"/> the result is read on exit 1 too).
    /// </summary>
    public async Task<T> RunAsync<T>(
        string operation,
        IReadOnlyList<string> arguments,
        HelperMounts mounts,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        Action<string>? onStarted = null,
        bool failureResult = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(mounts);
        var spec = new SiblingContainerSpec(image)
        {
            ImageSource = ImageInput,
            Command = [ActionName, HelperProgram.Verb, operation, .. arguments],
            Labels = labels,
            VolumesFrom = mounts.VolumesFrom,
            Binds = mounts.Binds,
            NetworkMode = mounts.NetworkMode,
            CpuShares = CpuShares,
        };
        await using var sibling = await SiblingContainer.CreateAsync(docker, spec, cancellationToken).ConfigureAwait(false);
        onStarted?.Invoke(sibling.Id);
        var exit = await sibling.RunAsync(timeout, cancellationToken).ConfigureAwait(false);
        var output = exit.StandardOutput;
        if (exit.ExitCode == 0 || (exit.ExitCode == 1 && failureResult))
        {
            return HelperResult.Find<T>(output)
                ?? throw new HelperException(operation, exit.ExitCode, $"the helper ({operation}) in {image} gave no result; it said: {Tail(output, exit.StandardError)}");
        }

        var failure = exit.ExitCode is 1 or 2 ? SafeFind(output) : null;
        throw new HelperException(operation, exit.ExitCode, failure?.Error
            ?? $"the helper ({operation}) in {image} exited with {exit.ExitCode}: {Tail(output, exit.StandardError)}");
    }

    private static HelperFailure? SafeFind(string output)
    {
        try
        {
            return HelperResult.Find<HelperFailure>(output);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Tail(string stdout, string stderr)
    {
        var text = (stdout + "\n" + stderr).Trim();
        return text.Length == 0 ? "(nothing)" : text.Length <= 600 ? text.ReplaceLineEndings(" | ") : "…" + text[^600..].ReplaceLineEndings(" | ");
    }
}
