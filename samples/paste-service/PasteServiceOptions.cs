namespace Tailpaste.PasteService;

/// <summary>Everything the service is configured with; built once by Program.</summary>
public sealed record PasteServiceOptions(
    string ListenAddress,
    int ListenPort,
    string StoragePath,
    string? UploadToken,
    BuildInfo Build,
    FaultOptions Faults)
{
    public const string DatabaseFileName = "pastes.db";

    public string DatabasePath => Path.Combine(StoragePath, DatabaseFileName);
}
