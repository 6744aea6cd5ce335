namespace Tailpaste.BackupRestore.Helper;

/// <summary>Copies a backup's database into a drill's scratch volume, checking the copy against the manifest's SHA-256.</summary>
public sealed class StageOperation : IHelperOperation
{
    public const string OperationName = "stage";

    public string Name => OperationName;

    public async Task<HelperOutcome> RunAsync(HelperArguments arguments, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var source = arguments.Required("source");
        var target = arguments.Required("target");
        var expected = arguments.Required("sha256");
        if (StoreFiles.Problem(source, source) is { } problem)
        {
            return HelperOutcome.Failed(problem);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var actual = await DurableFiles.CopyAsync(source, target, cancellationToken).ConfigureAwait(false);
        return string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase)
            ? HelperOutcome.Ok(new ReplaceResult(target, new FileInfo(target).Length, actual))
            : HelperOutcome.Failed($"the scratch copy's SHA-256 {actual} does not match the manifest's {expected}");
    }
}
