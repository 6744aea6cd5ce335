using System.Text.Json;
using Tailpaste.BackupRestore.Helper;
using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Tests.Helper;

/// <summary>
/// The helper's operations in this process, on real SQLite files in a temp folder: what they do inside the helper
/// container, with the folders the action would mount given as paths.
/// </summary>
public sealed class HelperOperationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tailpaste-helper-test-").FullName;

    private string Live => Path.Combine(_root, "data", "pastes.db");

    private string Store => Path.Combine(_root, "store", "tailpaste");

    public HelperOperationTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Live)!);
    }

    [Theory]
    [InlineData(CopyMethod.BackupApi)]
    [InlineData(CopyMethod.VacuumInto)]
    public async Task Backup_under_a_busy_writer_completes_checks_the_copy_and_publishes_it_whole(string method)
    {
        LocalDatabase.Create(Live, 2000);
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(() =>
        {
            using var connection = LocalDatabase.Open(Live);
            while (!stop.IsCancellationRequested)
            {
                LocalDatabase.Insert(connection, "writer", 1);
                Interlocked.Increment(ref writes);
            }
        });
        while (Volatile.Read(ref writes) < 20)
        {
            await Task.Delay(10);
        }

        var draft = Draft("20260102T030405Z-0a0b0c0d");
        var (exit, output) = await RunAsync("backup", "--database", Live, "--folder", Store, "--method", method, "--manifest", JsonSerializer.Serialize(draft, StoreJson.Compact), "--container", "{\"name\":\"tailpaste\"}");
        var writesDuring = Volatile.Read(ref writes);
        await stop.CancelAsync();
        await writer;

        Assert.True(exit == 0, output);
        var manifest = HelperResult.Find<BackupManifest>(output)!;
        var folder = Path.Combine(Store, draft.Id);
        Assert.Equal(manifest, StoreFiles.ReadManifest(folder) with { }, new ManifestComparer());
        Assert.Equal("ok", manifest.Database!.IntegrityCheck);
        Assert.Equal(method, manifest.Database.Method);
        Assert.True(manifest.Database.Rows >= 2020, $"{manifest.Database.Rows} rows");
        Assert.True(writesDuring > 20, "the writer was blocked");
        Assert.Equal([BackupManifest.DatabaseFile, BackupManifest.ContainerFile], manifest.Files.Select(f => f.Name));
        Assert.True(manifest.Verified);
        Assert.Equal([draft.Id], Directory.GetDirectories(Store).Select(Path.GetFileName));
        // The backup API keeps the file page for page, WAL header included; VACUUM INTO writes a rollback-journal file.
        Assert.Equal(method == CopyMethod.BackupApi ? "wal" : "rollback", manifest.Database.JournalMode);
    }

    [Fact]
    public async Task Verify_names_a_flipped_file_a_link_in_place_of_a_file_and_records_the_outcome()
    {
        var id = await BackupAsync();
        var folder = Path.Combine(Store, id);
        var (ok, okOutput) = await RunAsync("verify", "--folder", folder, "--record");
        Flip(Path.Combine(folder, BackupManifest.DatabaseFile));
        var (flipped, flippedOutput) = await RunAsync("verify", "--folder", folder, "--record");
        File.Delete(Path.Combine(folder, BackupManifest.ContainerFile));
        File.CreateSymbolicLink(Path.Combine(folder, BackupManifest.ContainerFile), "/etc/passwd");
        var (linked, linkedOutput) = await RunAsync("verify", "--folder", folder);

        Assert.True(ok == 0, okOutput);
        Assert.NotNull(HelperResult.Find<VerifyResult>(okOutput)!.Container);
        Assert.Equal(1, flipped);
        var problems = HelperResult.Find<VerifyResult>(flippedOutput)!.Problems;
        Assert.Contains(problems, p => p.StartsWith($"{BackupManifest.DatabaseFile}: SHA-256 ", StringComparison.Ordinal));
        Assert.False(StoreFiles.ReadManifest(folder).Verified);
        Assert.Equal(1, linked);
        Assert.Contains(HelperResult.Find<VerifyResult>(linkedOutput)!.Problems, p => p == $"{BackupManifest.ContainerFile} is a symbolic link, not a regular file");
    }

    [Fact]
    public async Task A_manifest_naming_a_file_outside_its_folder_or_another_backup_is_not_read()
    {
        var id = await BackupAsync();
        var folder = Path.Combine(Store, id);
        var manifest = StoreFiles.ReadManifest(folder);
        await StoreFiles.WriteManifestAsync(folder, manifest with { Files = [new ManifestFile("../../data/pastes.db", 1, new string('0', 64))] }, CancellationToken.None);
        var (escape, escapeOutput) = await RunAsync("verify", "--folder", folder);
        await StoreFiles.WriteManifestAsync(folder, manifest with { Id = "20200101T000000Z-00000000" }, CancellationToken.None);
        var (other, otherOutput) = await RunAsync("verify", "--folder", folder);

        Assert.Equal(1, escape);
        Assert.Contains("is not a plain file name", escapeOutput, StringComparison.Ordinal);
        Assert.Equal(1, other);
        Assert.Contains("names backup 20200101T000000Z-00000000", otherOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_sorts_newest_first_names_unreadable_folders_and_counts_leftovers_and_remove_clears_them()
    {
        var older = await BackupAsync("20260101T000000Z-00000001");
        var newer = await BackupAsync("20260102T000000Z-00000002");
        Directory.CreateDirectory(Path.Combine(Store, "20260103T000000Z-00000003"));
        Directory.CreateDirectory(Path.Combine(Store, ".partial-20260104T000000Z-00000004"));
        Directory.CreateDirectory(Path.Combine(Store, "notes"));

        var (_, listOutput) = await RunAsync("list", "--folder", Store);
        var (removed, removeOutput) = await RunAsync("remove", "--folder", Store, "--ids", older, "--leftovers");
        var (_, afterOutput) = await RunAsync("list", "--folder", Store);

        var list = HelperResult.Find<ListResult>(listOutput)!;
        Assert.Equal([newer, older], list.Backups.Select(b => b.Id));
        Assert.Equal(["20260103T000000Z-00000003", "notes"], list.Unreadable.Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.Equal([".partial-20260104T000000Z-00000004"], list.Leftovers);
        Assert.Equal(0, removed);
        Assert.Equal([older], HelperResult.Find<RemoveResult>(removeOutput)!.Removed);
        var after = HelperResult.Find<ListResult>(afterOutput)!;
        Assert.Equal([newer], after.Backups.Select(b => b.Id));
        Assert.Empty(after.Leftovers);
    }

    [Fact]
    public async Task Replace_puts_the_backup_in_place_whole_removes_stale_wal_files_and_refuses_a_wrong_checksum_or_a_database_in_use()
    {
        var id = await BackupAsync();
        var source = Path.Combine(Store, id, BackupManifest.DatabaseFile);
        var sha = StoreFiles.ReadManifest(Path.Combine(Store, id)).Files[0].Sha256;
        using (var connection = LocalDatabase.Open(Live))
        {
            LocalDatabase.Insert(connection, "after", 50);
        }

        var before = LocalDatabase.Count(Live);
        var (wrong, wrongOutput) = await RunAsync("replace", "--database", Live, "--source", source, "--sha256", new string('0', 64));
        var afterWrong = LocalDatabase.Count(Live);
        int busy;
        string busyOutput;
        using (var reader = LocalDatabase.Open(Live))
        {
            using var transaction = reader.BeginTransaction();
            using var read = reader.CreateCommand();
            read.CommandText = "SELECT count(*) FROM pastes;";
            read.ExecuteScalar();
            (busy, busyOutput) = await RunAsync("replace", "--database", Live, "--source", source, "--sha256", sha);
        }

        File.WriteAllText(Live + "-shm", "stale");
        var (replaced, output) = await RunAsync("replace", "--database", Live, "--source", source, "--sha256", sha);

        Assert.Equal(1, wrong);
        Assert.Contains("does not match the manifest's", wrongOutput, StringComparison.Ordinal);
        Assert.Equal(before, afterWrong);
        Assert.Equal(1, busy);
        Assert.Contains("still in use", busyOutput, StringComparison.Ordinal);
        Assert.True(replaced == 0, output);
        Assert.False(File.Exists(Live + "-shm"));
        Assert.False(File.Exists(Live + "-wal"));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(Live)!, ReplaceOperation.TemporaryName)));
        Assert.Equal(before - 50, LocalDatabase.Count(Live));
    }

    [Fact]
    public async Task Facts_count_the_rows_a_restore_would_drop_by_id_and_stage_copies_with_a_checksum()
    {
        var id = await BackupAsync();
        using (var connection = LocalDatabase.Open(Live))
        {
            LocalDatabase.Insert(connection, "after", 7);
            LocalDatabase.Execute(connection, "DELETE FROM pastes WHERE rowid IN (SELECT rowid FROM pastes WHERE id LIKE 'seed-%' LIMIT 3);");
        }

        var (exit, output) = await RunAsync("facts", "--database", Live, "--backup", Path.Combine(Store, id));
        var manifest = StoreFiles.ReadManifest(Path.Combine(Store, id));
        var target = Path.Combine(_root, "scratch", "pastes.db");
        var (staged, _) = await RunAsync("stage", "--source", Path.Combine(Store, id, BackupManifest.DatabaseFile), "--target", target, "--sha256", manifest.Files[0].Sha256);
        var (wrong, wrongOutput) = await RunAsync("stage", "--source", Path.Combine(Store, id, BackupManifest.DatabaseFile), "--target", target, "--sha256", new string('1', 64));

        Assert.True(exit == 0, output);
        var facts = HelperResult.Find<FactsResult>(output)!;
        Assert.Equal(7, facts.RowsLost);
        Assert.Equal("wal", facts.Facts.JournalMode);
        Assert.Equal(manifest.Database!.PageSize, facts.Facts.PageSize);
        Assert.Equal(0, staged);
        Assert.Equal(manifest.Database.Rows, LocalDatabase.Count(target));
        Assert.Equal(1, wrong);
        Assert.Contains("scratch copy's SHA-256", wrongOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_drill_writes_the_outcome_into_the_manifest_and_a_failed_drill_unverifies_it()
    {
        var id = await BackupAsync();
        var drill = new DrillRecord(DateTimeOffset.UtcNow, false, 1234.5, 3, "smoke probe failed");

        var (exit, output) = await RunAsync("record-drill", "--folder", Path.Combine(Store, id), "--drill", JsonSerializer.Serialize(drill, StoreJson.Compact));

        Assert.True(exit == 0, output);
        var manifest = StoreFiles.ReadManifest(Path.Combine(Store, id));
        Assert.Equal("smoke probe failed", manifest.Drill!.Detail);
        Assert.False(manifest.Verified);
    }

    [Theory]
    [InlineData(new string[0], "operation")]
    [InlineData(new[] { "explode" }, "one of backup")]
    [InlineData(new[] { "verify" }, "--folder")]
    [InlineData(new[] { "backup", "--database", "/nonexistent/pastes.db", "--folder", "/tmp/x", "--manifest", "{\"id\":\"20260101T000000Z-00000000\",\"created_at\":\"2026-01-01T00:00:00.000Z\",\"service\":{\"container\":\"a\",\"container_id\":\"b\",\"storage_path\":\"/data\"},\"image\":{\"reference\":\"x\",\"id\":\"y\",\"repo_digests\":[],\"backup_tag\":\"z\"},\"created_by\":{\"workflow\":\"w\",\"run_id\":\"1\",\"actor\":\"a\"}}", "--container", "{}" }, "there is no database to back up")]
    public async Task Bad_usage_and_missing_files_are_exit_2_with_one_result_line(string[] args, string said)
    {
        using var output = new StringWriter();

        var exit = await HelperProgram.RunAsync(args, output, CancellationToken.None);

        Assert.Equal(2, exit);
        var failure = HelperResult.Find<HelperFailure>(output.ToString());
        Assert.Contains(said, failure!.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<string> BackupAsync(string id = "20260102T030405Z-0a0b0c0d")
    {
        if (!File.Exists(Live))
        {
            LocalDatabase.Create(Live, 100);
        }

        var (exit, output) = await RunAsync("backup", "--database", Live, "--folder", Store, "--manifest", JsonSerializer.Serialize(Draft(id), StoreJson.Compact), "--container", "{\"name\":\"tailpaste\"}");
        Assert.True(exit == 0, output);
        return id;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await HelperProgram.RunAsync(args, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    private static void Flip(string file)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(file, bytes);
    }

    private static BackupManifest Draft(string id) => new()
    {
        Id = id,
        CreatedAt = BackupId.TimeOf(id),
        Service = new ServiceRecord("tailpaste", "0123", "/data", "1.0.0", null),
        Image = new ImageRecord("tailpaste:prod", "sha256:abc", [], "tailpaste:backup-" + id),
        CreatedBy = new CreatedBy("test", "1", "tester"),
    };

    /// <summary>Manifests compare by their JSON (records holding lists compare lists by reference).</summary>
    private sealed class ManifestComparer : IEqualityComparer<BackupManifest>
    {
        public bool Equals(BackupManifest? x, BackupManifest? y) =>
            JsonSerializer.Serialize(x, StoreJson.Compact) == JsonSerializer.Serialize(y, StoreJson.Compact);

        public int GetHashCode(BackupManifest obj) => 0;
    }
}
