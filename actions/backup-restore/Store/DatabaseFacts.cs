namespace Tailpaste.BackupRestore.Store;

/// <summary>What the helper learned about a SQLite database: the format facts a restore must match, and its content in brief.</summary>
/// <param name="Method">How the copy was made (backup-api or vacuum-into); null for a live database.</param>
/// <param name="SqliteVersion">The SQLite library that read it.</param>
/// <param name="PageSize">Bytes per page.</param>
/// <param name="PageCount">Pages in the file.</param>
/// <param name="JournalMode">wal or rollback, from the file header.</param>
/// <param name="SchemaVersion">PRAGMA user_version: the application's schema version.</param>
/// <param name="SchemaSha256">SHA-256 over the schema's SQL (sqlite_master), to tell schemas apart when user_version is not kept.</param>
/// <param name="Rows">Rows in the pastes table; null when there is none.</param>
/// <param name="NewestCreatedAt">The newest created_at in the pastes table.</param>
/// <param name="IntegrityCheck">What PRAGMA integrity_check said (ok, or its first lines); null when not run.</param>
/// <param name="CopyMs">How long the copy took.</param>
public sealed record DatabaseFacts(
    string? Method,
    string SqliteVersion,
    long PageSize,
    long PageCount,
    string JournalMode,
    long SchemaVersion,
    string SchemaSha256,
    long? Rows,
    string? NewestCreatedAt,
    string? IntegrityCheck,
    double? CopyMs);
