using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class MissingKeyRuleTests
{
    [Fact]
    public void Workflow_without_on_and_job_without_runs_on_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            name: x
            jobs:
              build:
                steps:
                  - name: nothing
            """);

        Expect.At(findings, "missing-key", 1, 1);
        Expect.At(findings, "missing-key", 3, 3);
        Expect.At(findings, "missing-key", 5, 9);
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        var findings = TempRepository.LintWorkflow(string.Empty);

        Expect.At(findings, "missing-key", 1, 1);
    }

    [Fact]
    public void Job_calling_a_workflow_needs_no_runs_on_or_steps()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              call:
                uses: octo/repo/.github/workflows/x.yml@v1
            """);

        Expect.None(findings, "missing-key");
    }
}
