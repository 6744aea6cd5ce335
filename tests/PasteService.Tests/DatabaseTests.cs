using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

public sealed class DatabaseTests
{
    [Fact]
    public async Task DatabaseFile_IsInStoragePathInWalMode()
    {
        await using var service = await PasteServiceProcess.StartAsync();

        Assert.Equal(Path.Combine(service.StoragePath, "pastes.db"), service.DatabasePath);
        Assert.True(File.Exists(service.DatabasePath));
        using var connection = PasteDatabase.Open(service.DatabasePath);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)pragma.ExecuteScalar());
    }

    [Fact]
    public async Task PastesTable_HasExactlyTheSpecifiedColumns()
    {
        await using var service = await PasteServiceProcess.StartAsync();

        using var connection = PasteDatabase.Open(service.DatabasePath);
        using var info = connection.CreateCommand();
        info.CommandText = "SELECT name, type, \"notnull\", pk FROM pragma_table_info('pastes') ORDER BY cid;";
        var columns = new List<(string Name, string Type, bool NotNull, bool PrimaryKey)>();
        using (var reader = info.ExecuteReader())
        {
            while (reader.Read())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2) == 1, reader.GetInt64(3) > 0));
            }
        }

        Assert.Equal(
            [
                ("id", "TEXT", false, true),
                ("content", "TEXT", true, false),
                ("created_at", "TIMESTAMP", true, false),
                ("source_host", "TEXT", true, false),
                ("source_user", "TEXT", true, false),
            ],
            columns);
    }

    [Fact]
    public async Task GracefulStop_FoldsTheWalIntoTheFileAndARestartKeepsThePastes()
    {
        var storage = Path.Combine(Path.GetTempPath(), $"tailpaste-paste-restart-{Guid.NewGuid():N}");
        try
        {
            string id;
            await using (var first = await PasteServiceProcess.StartAsync(storagePath: storage))
            {
                using var client = first.CreateClient();
                id = await PasteContractTests.CreateAsync(client, Encoding.UTF8.GetBytes("survives a restart"));

                Assert.Equal(0, await first.StopAsync());
            }

            // With every connection closed, SQLite checkpoints and removes the WAL: the .db file alone is a full copy.
            Assert.False(File.Exists(Path.Combine(storage, "pastes.db-wal")), "pastes.db-wal is still there after a clean stop");
            Assert.NotNull(PasteDatabase.Find(Path.Combine(storage, "pastes.db"), id));

            await using var second = await PasteServiceProcess.StartAsync(storagePath: storage);
            using var reader = second.CreateClient();
            Assert.Equal("survives a restart", await reader.GetStringAsync(new Uri($"/{id}", UriKind.Relative)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(storage, recursive: true);
        }
    }

    [Fact]
    public async Task Readyz_QueriesTheDatabase_So503WhenThePastesTableIsGone()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        using var client = service.CreateClient();
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        using (var connection = PasteDatabase.Open(service.DatabasePath, SqliteOpenMode.ReadWrite))
        using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP TABLE pastes;";
            drop.ExecuteNonQuery();
        }

        using var notReady = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
