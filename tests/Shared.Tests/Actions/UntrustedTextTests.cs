using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("::error::forged")]
    [InlineData("   ::add-mask::x")]
    [InlineData("\t::stop-commands::tok")]
    [InlineData("runs-on: x\n::set-output name=a::b")]
    [InlineData("a\r\n::warning file=x::y")]
    public void No_line_of_the_result_starts_a_workflow_command(string text)
    {
        var result = UntrustedText.Neutralise(text);

        Assert.DoesNotContain(result.Split('\n'), line => line.TrimStart().StartsWith("::", StringComparison.Ordinal));
        Assert.Equal(text.Split('\n').Length, result.Split('\n').Length);
    }

    [Fact]
    public void The_old_command_form_is_broken_anywhere_in_a_line()
    {
        var result = UntrustedText.Neutralise("see ##[error]forged and ##[set-output name=a;]b");

        Assert.DoesNotContain("##[", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("a::b in the middle of a line")]
    [InlineData("")]
    public void Other_text_is_unchanged(string text) => Assert.Equal(text, UntrustedText.Neutralise(text));

    [Fact]
    public void Write_info_prints_repository_text_that_cannot_forge_commands()
    {
        using var stdout = new StringWriter();
        var runner = new RunnerEnvironment { IsActions = true };
        var core = new ActionCore(runner, TestManifest.Manifest, new ActionInputs(TestManifest.Manifest, new Dictionary<string, string>()), stdout);

        core.WriteInfo("finding: runs-on: 'a\n::error file=x::forged\n::add-mask::y'");
        core.WriteError("real annotation");

        var lines = stdout.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["::error::real annotation"], lines.Where(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal)));
    }
}
