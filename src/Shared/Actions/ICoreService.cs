namespace Tailpaste.Shared.Actions;

/// <summary>
/// The runner contract as one seam, with the method names of the .NET Actions toolkit's ICoreService,
/// so an action's code is tested against real files without touching the process environment.
/// </summary>
public interface ICoreService
{
    bool IsActions { get; }

    bool IsDebug { get; }

    Summary Summary { get; }

    SecretMasker Masker { get; }

    string GetInput(string name, bool required = false);

    bool GetBoolInput(string name);

    IReadOnlyList<string> GetMultilineInput(string name);

    Task SetOutputAsync(string name, object? value, CancellationToken cancellationToken = default);

    /// <summary>Writes every property of a typed outputs record as an output.</summary>
    Task SetOutputsAsync(object outputs, CancellationToken cancellationToken = default);

    Task SaveStateAsync(string name, object? value, CancellationToken cancellationToken = default);

    string GetState(string name);

    Task ExportVariableAsync(string name, object? value, CancellationToken cancellationToken = default);

    Task AddPathAsync(string path, CancellationToken cancellationToken = default);

    void SetSecret(string secret);

    void SetFailed(string message);

    void WriteError(string message, AnnotationProperties? properties = null);

    void WriteWarning(string message, AnnotationProperties? properties = null);

    void WriteNotice(string message, AnnotationProperties? properties = null);

    void WriteDebug(string message);

    void WriteInfo(string message);

    void StartGroup(string name);

    void EndGroup();

    /// <summary>Appends the summary to GITHUB_STEP_SUMMARY (or prints it outside a run); returns what was written.</summary>
    Task<SummaryText> WriteSummaryAsync(CancellationToken cancellationToken = default);
}
