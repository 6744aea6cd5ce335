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

        // actionlint's place for an unknown job: the id of the job that needs it.
        Expect.At(findings, "job-needs", 7, 3);
        Expect.At(findings, "job-needs", 8, 27);
    }

    [Fact]
    public void Cycle_is_reported_once_on_its_first_job_with_the_jobs_in_order()
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

        // Once, on the id of the cycle's first job in the file, where actionlint reports it.
        var cycle = Expect.At(findings, "job-needs", 3, 3);
        Assert.Contains("\"a\" -> \"c\" -> \"b\" -> \"a\"", cycle.Message, StringComparison.Ordinal);
        Expect.Count(findings, "job-needs", 1);
    }

    [Fact]
    public void A_missing_job_is_reported_instead_of_a_cycle()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              a:
                needs: [b, nope]
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              b:
                needs: a
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Assert.Contains("\"nope\"", Expect.At(findings, "job-needs", 3, 3).Message, StringComparison.Ordinal);
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
