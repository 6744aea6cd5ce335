using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Backups;
using Tailpaste.Shared.Tests.Actions;

namespace Tailpaste.Shared.Tests.Backups;

public sealed class BackupIdInputTests
{
    [Fact]
    public void A_backup_id_in_the_format_backup_restore_makes_is_taken_as_given()
    {
        Assert.Equal("20260102T030405Z-1a2b3c4d", GetterManifest.Inputs(("backup-id", "20260102T030405Z-1a2b3c4d")).GetOptionalBackupIdInput("backup-id"));
        Assert.Null(GetterManifest.Inputs().GetOptionalBackupIdInput("backup-id"));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("20260102T030405Z-1A2B3C4D")]
    [InlineData("20260102T030405Z-1a2b3c4")]
    [InlineData("20260102-030405Z-1a2b3c4d")]
    [InlineData("../20260102T030405Z-1a2b3c4d")]
    public void Anything_else_is_bad_input_naming_input_value_and_what_was_expected(string given)
    {
        var error = Assert.Throws<InputException>(() => GetterManifest.Inputs(("backup-id", given)).GetOptionalBackupIdInput("backup-id"));

        Assert.Equal(("backup-id", given, BackupIdFormat.Expected), (error.Input, error.Value, error.Expected));
        Assert.StartsWith("a backup id such as 20260102T030405Z-1a2b3c4d", error.Expected, StringComparison.Ordinal);
    }
}
