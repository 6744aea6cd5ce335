using Microsoft.Data.Sqlite;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>The database check on real SQLite files in a local storage-path.</summary>
public sealed class DatabaseCheckTests : IDisposable
{
    private readonly string _storage = Directory.CreateTempSubdirectory("tailpaste-health-storage-").FullName;

    public void Dispose() => Directory.Delete(_storage, recursive: true);

    [Fact]
    public async Task A_sound_database_passes_with_its_statistics()
    {
        CreateDatabase(pastes: 25);

        var run = await RunDatabaseCheckAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("passed", run.CheckStatus("database"));
        var metrics = run.Report!["metrics"]!["database"]!;
        Assert.Equal(25, metrics["paste_count"]!.GetValue<long>());
        Assert.Equal(25 * 2000, metrics["total_paste_bytes"]!.GetValue<long>());
        Assert.Equal(25, metrics["pastes_last_24h"]!.GetValue<long>());
        Assert.Equal(Path.Combine(_storage, "pastes.db"), metrics["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_corrupt_database_fails_the_integrity_check_and_degrades_the_service()
    {
        CreateDatabase(pastes: 300);
        var path = Path.Combine(_storage, "pastes.db");
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            // Keep page 1 (the header) so SQLite opens the file, and scribble over the b-tree pages after it.
            file.Seek(4096 * 2, SeekOrigin.Begin);
            var garbage = new byte[4096 * 4];
            new Random(7).NextBytes(garbage);
            file.Write(garbage);
        }

        var run = await RunDatabaseCheckAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("degraded", run.Outputs["status"]);
        Assert.Equal("database", run.Outputs["failed-checks"]);
        Assert.Contains("integrity check failed", run.CheckMessage("database"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_over_the_size_limit_fails()
    {
        CreateDatabase(pastes: 300);

        var run = await RunDatabaseCheckAsync(new Dictionary<string, string> { ["max-db-size-mb"] = "0.1" });

        Assert.Equal("failed", run.CheckStatus("database"));
        Assert.Contains("over the limit of 0.1 MB", run.CheckMessage("database"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_is_a_symbolic_link_is_not_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_storage, "pastes.db"), "/etc/passwd");

        var run = await RunDatabaseCheckAsync();

        Assert.Equal("failed", run.CheckStatus("database"));
        Assert.Equal($"{Path.Combine(_storage, "pastes.db")} is a symbolic link, not a regular file; it is not read", run.CheckMessage("database"));
    }

    [Fact]
    public async Task A_database_over_the_limit_is_not_opened()
    {
        CreateDatabase(pastes: 300);

        var run = await RunDatabaseCheckAsync(new Dictionary<string, string> { ["max-db-size-mb"] = "0.1" });

        Assert.Matches(@"^the database is \d\.\d MB \(pastes\.db \d\.\d MB \+ WAL 0\.0 MB\), over the limit of 0\.1 MB; it was not copied or opened$", run.CheckMessage("database"));
        Assert.Equal("not checked (over the size limit)", run.Report!["metrics"]!["database"]!["integrity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fail_on_unhealthy_lets_a_degraded_service_pass()
    {
        CreateDatabase(pastes: 300);

        var run = await RunDatabaseCheckAsync(new Dictionary<string, string> { ["max-db-size-mb"] = "0.1", ["fail-on"] = "unhealthy" });

        Assert.Equal("degraded", run.Outputs["status"]);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task The_check_reads_while_the_service_holds_a_write_transaction()
    {
        CreateDatabase(pastes: 3);
        using var writer = new SqliteConnection($"Data Source={Path.Combine(_storage, "pastes.db")};Pooling=False");
        writer.Open();
        using var transaction = writer.BeginTransaction();
        Insert(writer, "writer0001", DateTimeOffset.UtcNow, transaction);

        var run = await RunDatabaseCheckAsync();

        // A read-only reader in WAL mode neither waits for nor blocks the writer; it sees the committed rows.
        Assert.Equal("passed", run.CheckStatus("database"));
        Assert.Equal(3, run.Report!["metrics"]!["database"]!["paste_count"]!.GetValue<long>());
        transaction.Commit();
    }

    private Task<ActionRun> RunDatabaseCheckAsync(Dictionary<string, string>? extra = null)
    {
        var inputs = new Dictionary<string, string> { ["checks"] = "database", ["storage-path"] = _storage };
        foreach (var (key, value) in extra ?? [])
        {
            inputs[key] = value;
        }

        return ActionRun.RunAsync(inputs);
    }

    private void CreateDatabase(int pastes)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_storage, "pastes.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE pastes (id TEXT PRIMARY KEY, content TEXT NOT NULL, created_at TIMESTAMP NOT NULL, source_host TEXT NOT NULL, source_user TEXT NOT NULL);
            """;
        command.ExecuteNonQuery();
        for (var i = 0; i < pastes; i++)
        {
            Insert(connection, $"paste{i:00000}", DateTimeOffset.UtcNow.AddMinutes(-i), null);
        }

        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        checkpoint.ExecuteNonQuery();
    }

    private static void Insert(SqliteConnection connection, string id, DateTimeOffset at, SqliteTransaction? transaction)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO pastes VALUES ($id, $content, $at, '127.0.0.1', 'anonymous');";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$content", new string('x', 2000));
        insert.Parameters.AddWithValue("$at", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
    }
}
