using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class WorkflowRunRuleTests
{
    [Fact]
    public void Unknown_workflow_name_is_reported_and_known_names_are_fine()
    {
        using var repository = new TempRepository();
        repository.Write(".github/workflows/ci.yml", """
            name: CI
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);
        repository.Write(TempRepository.WorkflowPath, """
            on:
              workflow_run:
                workflows: [CI, Deploy]
                types: [completed]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        var findings = repository.Lint(TempRepository.WorkflowPath);

        var unknown = Expect.At(findings, "workflow-run", 3, 21);
        Assert.Contains("\"CI\"", unknown.Message, StringComparison.Ordinal);
        Expect.Count(findings, "workflow-run", 1);
    }
}
