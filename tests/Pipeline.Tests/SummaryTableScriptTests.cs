using Tailpaste.TestKit;
using Tailpaste.TestKit.Processes;

namespace Tailpaste.Pipeline.Tests;

/// <summary>.github/scripts/summary-table.sh: deploy's and rollback's closing summaries, from step outputs passed through env.</summary>
public class SummaryTableScriptTests
{
    private static readonly string _script = RepositoryRoot.Combine(".github", "scripts", "summary-table.sh");

    [Fact]
    public void Rows_show_each_variable_in_a_code_span_and_an_unset_one_as_a_dash()
    {
        var run = ToolProcess.Run("bash", [_script, "Rollback of production", "restored backup=RESTORED", "rows dropped=ROWS_LOST"], environment: new Dictionary<string, string?> { ["RESTORED"] = "20261203T040000Z-1a2b3c", ["ROWS_LOST"] = "" }, timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "## Rollback of production\n\n| | |\n| --- | --- |\n| restored backup | `20261203T040000Z-1a2b3c` |\n| rows dropped | `—` |\n",
            run.Stdout);
    }

    [Fact]
    public void A_hostile_value_cannot_close_its_code_span_or_its_table_cell()
    {
        var run = ToolProcess.Run("bash", [_script, "T", "image=IMAGE"], environment: new Dictionary<string, string?> { ["IMAGE"] = "x` | <img src=y> `$(touch /tmp/pwned)" }, timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("| image | `x \\| <img src=y> $(touch /tmp/pwned)` |\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_that_does_not_name_a_variable_is_bad_input_with_exit_2()
    {
        var run = ToolProcess.Run("bash", [_script, "T", "label=not a name"], timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\"not a name\" is not an environment variable name", run.Stderr, StringComparison.Ordinal);
    }
}
