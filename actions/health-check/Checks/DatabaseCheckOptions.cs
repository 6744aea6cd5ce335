namespace Tailpaste.HealthCheck.Checks;

/// <summary>The database check's settings: where the service keeps pastes.db, its size limit, and which SQLite check runs.</summary>
public sealed record DatabaseCheckOptions(string StoragePath, double MaxDbSizeMb, bool QuickIntegrityCheck);
