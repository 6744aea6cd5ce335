using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class BackupIdFormatTests
{
    [Fact]
    public void A_backup_id_in_the_format_backup_restore_makes_is_taken_as_given()
    {
        Assert.Equal("20260102T030405Z-1a2b3c4d", GetterManifest.Inputs(("backup-id", "20260102T030405Z-1a2b3c4d")).GetOptionalInput("backup-id", InputFormats.BackupId));
        Assert.Null(GetterManifest.Inputs().GetOptionalInput("backup-id", InputFormats.BackupId));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("20260102T030405Z-1A2B3C4D")]
    [InlineData("20260102T030405Z-1a2b3c4")]
    [InlineData("20260102-030405Z-1a2b3c4d")]
    [InlineData("../20260102T030405Z-1a2b3c4d")]
    public void Anything_else_is_bad_input_naming_input_value_and_what_was_expected(string given)
    {
        var error = Assert.Throws<InputException>(() => GetterManifest.Inputs(("backup-id", given)).GetOptionalInput("backup-id", InputFormats.BackupId));

        Assert.Equal(("backup-id", given, InputFormats.BackupId.Expected), (error.Input, error.Value, error.Expected));
        Assert.StartsWith("a backup id such as 20260102T030405Z-1a2b3c4d", error.Expected, StringComparison.Ordinal);
    }
}
