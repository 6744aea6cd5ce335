using Microsoft.Data.Sqlite;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.History;

namespace Tailpaste.Shared.Tests.History;

/// <summary>The one binder of history-volume and history-path, over real files and real SQLite databases.</summary>
public sealed class HistoryLocationTests : IDisposable
{
    private const string FileNameExpected = "a file name without folders when history-volume is given (default history.db)";

    private static readonly ActionManifest _manifest = ActionManifest.Parse("""
        name: History
        description: The two inputs of the shared service history.
        inputs:
          history-volume:
            description: The volume of the history.
          history-path:
            description: The history file (default history.db).
        runs:
          using: docker
          image: Dockerfile
        """);

    private readonly string _folder = Directory.CreateTempSubdirectory("history-location-").FullName;

    [Fact]
    public void Neither_input_is_no_history()
    {
        Assert.Equal(new HistoryLocation(null, null), Bind());
    }

    [Theory]
    [InlineData("history.db")]
    [InlineData("tailpaste-history.sqlite")]
    public void A_volume_and_a_plain_file_name_are_taken_as_given(string fileName)
    {
        Assert.Equal(new HistoryLocation(fileName, "tailpaste-health-history"), Bind(("history-volume", "tailpaste-health-history"), ("history-path", fileName)));
    }

    [Fact]
    public void A_volume_without_a_file_name_keeps_the_default_file_name()
    {
        Assert.Equal(new HistoryLocation("history.db", "tailpaste-health-history"), Bind(("history-volume", "tailpaste-health-history")));
    }

    [Theory]
    [InlineData("    description: The history file.\n    default: runs.db")]
    [InlineData("    description: The history file (default runs.db).")]
    public void The_default_file_name_is_the_one_action_yml_declares_or_documents(string historyPath)
    {
        var manifest = ActionManifest.Parse(string.Join('\n', "name: History", "description: Deploy declares its default, health-check documents it.", "inputs:", "  history-volume:", "    description: The volume of the history.", "  history-path:", historyPath, "runs:", "  using: docker", "  image: Dockerfile"));
        var inputs = new ActionInputs(manifest, new Dictionary<string, string> { ["history-volume"] = "history", ["history-path"] = "" });

        Assert.Equal(new HistoryLocation("runs.db", "history"), HistoryLocation.Bind<SqliteConnection>(inputs));
    }

    [Fact]
    public void A_file_name_of_255_characters_is_the_longest_taken()
    {
        var name = new string('h', 255);

        Assert.Equal(new HistoryLocation(name, "history"), Bind(("history-volume", "history"), ("history-path", name)));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a:b")]
    [InlineData("history\u0007.db")]
    [InlineData("history\n.db")]
    public void A_file_name_with_folders_a_colon_or_a_control_character_is_bad_input_naming_input_value_and_expectation(string fileName)
    {
        var error = Assert.Throws<InputException>(() => Bind(("history-volume", "history"), ("history-path", fileName)));

        Assert.Equal(("history-path", fileName, FileNameExpected), (error.Input, error.Value, error.Expected));
    }

    [Fact]
    public void A_file_name_of_256_characters_is_bad_input()
    {
        var name = new string('h', 256);

        var error = Assert.Throws<InputException>(() => Bind(("history-volume", "history"), ("history-path", name)));

        Assert.Equal(("history-path", name, FileNameExpected), (error.Input, error.Value, error.Expected));
    }

    [Fact]
    public void A_bad_volume_name_is_bad_input_for_history_volume_before_the_file_name_is_looked_at()
    {
        var error = Assert.Throws<InputException>(() => Bind(("history-volume", "a/b"), ("history-path", "../escape")));

        Assert.Equal(("history-volume", "a/b", DockerNames.VolumeExpected), (error.Input, error.Value, error.Expected));
    }

    [Fact]
    public void A_local_file_that_does_not_exist_yet_is_taken_as_a_full_path_and_not_created()
    {
        var path = Path.Combine(_folder, "new", "history.db");

        Assert.Equal(new HistoryLocation(path, null), Bind(("history-path", path)));
        Assert.False(Directory.Exists(Path.Combine(_folder, "new")));
    }

    [Fact]
    public void A_relative_local_path_is_resolved_against_the_working_directory()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_folder, "history.db"));

        Assert.Equal(new HistoryLocation(Path.Combine(_folder, "history.db"), null), Bind(("history-path", relative)));
    }

    [Fact]
    public void An_existing_history_file_is_taken_and_left_as_it_is()
    {
        var path = Path.Combine(_folder, "history.db");
        HistoryStore.Open<SqliteConnection>(path).Dispose();
        var before = File.ReadAllBytes(path);

        Assert.Equal(new HistoryLocation(path, null), Bind(("history-path", path)));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_folder_is_bad_input()
    {
        AssertRefused(_folder, "a path where the history file can be kept, but it is a folder");
    }

    [Fact]
    public void A_symbolic_link_to_a_history_file_is_bad_input_and_not_followed()
    {
        var real = Path.Combine(_folder, "real.db");
        HistoryStore.Open<SqliteConnection>(real).Dispose();
        var link = Path.Combine(_folder, "history.db");
        File.CreateSymbolicLink(link, real);

        AssertRefused(link, "a path where the history file can be kept, but it is a symbolic link, which a write would follow or replace");
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_bad_input_and_left_as_it_is()
    {
        var path = Path.Combine(_folder, "notes.db");
        File.WriteAllText(path, "somebody's notes\n");

        var error = AssertRefused(path, expected: null);

        Assert.StartsWith("a SQLite history file (SQLite Error 26: 'file is not a database'", error.Expected, StringComparison.Ordinal);
        Assert.Equal("somebody's notes\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_sqlite_file_with_other_tables_is_bad_input_naming_them()
    {
        var path = Path.Combine(_folder, "other.db");
        Execute(path, "CREATE TABLE notes (text TEXT); CREATE TABLE runs (id INTEGER);");

        AssertRefused(path, "a history file of this action, but it holds other tables (notes)");
    }

    [Fact]
    public void A_runs_table_with_other_columns_is_bad_input_naming_the_expected_ones()
    {
        var path = Path.Combine(_folder, "runs.db");
        Execute(path, "CREATE TABLE runs (id INTEGER PRIMARY KEY, outcome TEXT);");

        AssertRefused(path, "a history file of this action, but its runs table has other columns (id, outcome; expected id, timestamp, status, failed_checks, recovery_dispatched)");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static HistoryLocation Bind(params (string Name, string Value)[] values) =>
        HistoryLocation.Bind<SqliteConnection>(new ActionInputs(_manifest, values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase)));

    private static InputException AssertRefused(string path, string? expected)
    {
        var error = Assert.Throws<InputException>(() => Bind(("history-path", path)));
        Assert.Equal(("history-path", path), (error.Input, error.Value));
        if (expected is not null)
        {
            Assert.Equal(expected, error.Expected);
        }

        return error;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
