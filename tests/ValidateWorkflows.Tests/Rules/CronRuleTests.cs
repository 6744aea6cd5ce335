using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class CronRuleTests
{
    private static string Workflow(string cron) => $$"""
        on:
          schedule:
            - cron: '{{cron}}'
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: echo
        """;

    [Theory]
    [InlineData("0 25 * * *", 16)]
    [InlineData("61 * * * *", 14)]
    [InlineData("0 0 * * MOX", 22)]
    [InlineData("0 0 10-5 * *", 18)]
    [InlineData("*/0 * * * *", 14)]
    public void Out_of_range_values_point_at_the_field(string cron, int column)
    {
        var findings = TempRepository.LintWorkflow(Workflow(cron));

        Expect.At(findings, "cron", 3, column);
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("*/2 * * * *")]
    [InlineData("0,1,2 * * * *")]
    [InlineData("58,2 * * * *")]
    public void Wrong_field_count_and_too_frequent_schedules_are_reported(string cron)
    {
        var findings = TempRepository.LintWorkflow(Workflow(cron));

        Expect.At(findings, "cron", 3, 13);
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("30 5 * * 1-5")]
    [InlineData("0 0 1 JAN,jul SUN")]
    [InlineData("0,30 */2 * * *")]
    [InlineData("0,5,10 * * * *")]
    public void Valid_schedules_at_least_five_minutes_apart_are_fine(string cron)
    {
        var findings = TempRepository.LintWorkflow(Workflow(cron));

        Expect.None(findings, "cron");
    }
}
