using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class CommitIdFormatTests
{
    [Theory]
    [InlineData("ABCDEF0", "abcdef0")]
    [InlineData("0123456789abcdef0123456789ABCDEF01234567", "0123456789abcdef0123456789abcdef01234567")]
    public void A_commit_id_of_7_to_64_hex_digits_is_taken_lower_cased(string given, string expected)
    {
        Assert.Equal(expected, GetterManifest.Inputs(("git-commit", given)).GetOptionalCommitIdInput("git-commit"));
    }

    [Fact]
    public void An_empty_commit_id_is_none()
    {
        Assert.Null(GetterManifest.Inputs().GetOptionalCommitIdInput("git-commit"));
        Assert.Null(GetterManifest.Inputs(("git-commit", "  ")).GetOptionalCommitIdInput("git-commit"));
    }

    [Theory]
    [InlineData("abc123")]
    [InlineData("not-a-commit")]
    [InlineData("main")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    public void Anything_else_is_bad_input_naming_input_value_and_what_was_expected(string given)
    {
        var error = Assert.Throws<InputException>(() => GetterManifest.Inputs(("git-commit", given)).GetOptionalCommitIdInput("git-commit"));

        Assert.Equal(("git-commit", given, "a git commit id (7 to 64 hex digits)"), (error.Input, error.Value, error.Expected));
        Assert.Contains($"Input 'git-commit' has the value '{given}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DEADBEEF", "deadbeef")]
    [InlineData("deadbee", "deadbee")]
    [InlineData("deadbe", null)]
    [InlineData("refs/heads/main", null)]
    [InlineData(null, null)]
    public void Normalize_lower_cases_an_id_and_refuses_anything_else(string? given, string? expected)
    {
        Assert.Equal(expected, InputFormats.NormalizeCommitId(given));
    }
}
