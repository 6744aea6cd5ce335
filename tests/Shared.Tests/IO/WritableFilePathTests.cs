using Tailpaste.Shared.Actions;
using Tailpaste.Shared.IO;
using Tailpaste.Shared.Tests.Actions;

namespace Tailpaste.Shared.Tests.IO;

public sealed class WritableFilePathTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("writable-").FullName;

    [Fact]
    public void A_file_in_a_folder_that_exists_or_can_be_made_is_fine()
    {
        Assert.Null(WritableFilePath.Problem(Path.Combine(_folder, "report.json")));
        Assert.Null(WritableFilePath.Problem(Path.Combine(_folder, "new", "deeper", "report.json")));
        File.WriteAllText(Path.Combine(_folder, "existing.json"), "{}");
        Assert.Null(WritableFilePath.Problem(Path.Combine(_folder, "existing.json")));
    }

    [Fact]
    public void Folders_devices_links_and_files_on_the_way_are_problems_and_nothing_is_left_behind()
    {
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "x");
        var link = Path.Combine(_folder, "link.json");
        File.CreateSymbolicLink(link, file);

        Assert.Contains("folder", WritableFilePath.Problem(_folder), StringComparison.Ordinal);
        Assert.Contains("not a regular file", WritableFilePath.Problem("/dev/null"), StringComparison.Ordinal);
        Assert.Contains("symbolic link", WritableFilePath.Problem(link), StringComparison.Ordinal);
        Assert.Contains("is not a folder", WritableFilePath.Problem(Path.Combine(file, "report.json")), StringComparison.Ordinal);
        Assert.Contains("no file can be created", WritableFilePath.Problem("/proc/self/report.json"), StringComparison.Ordinal);
        Assert.Equal(["a-file", "link.json"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData("file")]
    [InlineData("folder")]
    public void A_name_longer_than_the_file_system_allows_is_a_problem_found_before_any_write(string where)
    {
        var longName = new string('a', 256);
        var path = where == "file" ? Path.Combine(_folder, longName) : Path.Combine(_folder, longName, "report.json");

        Assert.Contains("a name in the path has 256 bytes and the system takes at most 255", WritableFilePath.Problem(path), StringComparison.Ordinal);
        Assert.Null(WritableFilePath.Problem(Path.Combine(_folder, new string('a', 255))));
    }

    [Fact]
    public void Get_output_path_input_is_bad_input_naming_the_input()
    {
        var values = new Dictionary<string, string> { ["report-path"] = _folder };
        var inputs = new ActionInputs(TestManifest.Manifest, values);

        var error = Assert.Throws<InputException>(() => inputs.GetOutputPathInput("report-path"));

        Assert.Equal("report-path", error.Input);
        Assert.Contains("it is a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_output_path_is_none_when_empty_and_checked_the_same_way_when_given()
    {
        var file = Path.Combine(_folder, "report.json");

        Assert.Null(new ActionInputs(TestManifest.Manifest, new Dictionary<string, string>()).GetOptionalOutputPathInput("report-path"));
        Assert.Equal(file, new ActionInputs(TestManifest.Manifest, new Dictionary<string, string> { ["report-path"] = file }).GetOptionalOutputPathInput("report-path"));
        var error = Assert.Throws<InputException>(() => new ActionInputs(TestManifest.Manifest, new Dictionary<string, string> { ["report-path"] = _folder }).GetOptionalOutputPathInput("report-path"));
        Assert.Equal(("report-path", _folder), (error.Input, error.Value));
        Assert.Contains("a path where a file can be written, but it is a folder", error.Expected, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
