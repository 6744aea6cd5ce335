namespace Tailpaste.BackupRestore;

/// <summary>What one run of the action does (input <c>mode</c>).</summary>
public enum Mode
{
    Backup,
    Verify,
    List,
    Prune,
    Restore,
}
