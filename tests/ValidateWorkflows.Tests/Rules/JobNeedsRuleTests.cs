using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class JobNeedsRuleTests
{
    [Fact]
    public void Unknown_and_repeated_needs_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              test:
                needs: [build, biuld, build]
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.At(findings, "job-needs", 8, 20);
        Expect.At(findings, "job-needs", 8, 27);
    }

    [Fact]
    public void Cycle_is_reported_once_with_its_jobs_in_order()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              a:
                needs: c
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              b:
                needs: a
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              c:
                needs: b
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        var cycle = Expect.At(findings, "job-needs", 4, 12);
        Assert.Contains("\"a\" -> \"c\" -> \"b\" -> \"a\"", cycle.Message, StringComparison.Ordinal);
        Expect.Count(findings, "job-needs", 1);
    }

    [Fact]
    public void Acyclic_graph_is_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              b:
                needs: a
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              c:
                needs: [a, B]
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.None(findings, "job-needs");
    }
}
