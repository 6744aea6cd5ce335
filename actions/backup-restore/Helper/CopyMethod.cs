namespace Tailpaste.BackupRestore.Helper;

/// <summary>How a consistent copy of a live database is made (see the README for the measurements behind the default).</summary>
public static class CopyMethod
{
    /// <summary>SQLite's online backup API in one step: a page-for-page copy inside one read transaction.</summary>
    public const string BackupApi = "backup-api";

    /// <summary><c>VACUUM INTO</c>: a rebuilt, compacted copy, also from one read transaction.</summary>
    public const string VacuumInto = "vacuum-into";

    public const string Default = BackupApi;

    public static IReadOnlyList<string> All { get; } = [BackupApi, VacuumInto];
}
