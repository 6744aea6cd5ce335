using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class DuplicateKeyRuleTests
{
    [Fact]
    public void Duplicate_key_is_reported_at_the_second_key()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                timeout-minutes: 5
                timeout-minutes: 10
                steps:
                  - run: echo
            """);

        var finding = Expect.At(findings, "duplicate-key", 6, 5);
        Assert.Contains("line 5", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_differing_only_in_case_collide()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            env:
              TOKEN: a
              token: b
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              Build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.At(findings, "duplicate-key", 4, 3);
        Expect.At(findings, "duplicate-key", 10, 3);
    }

    [Fact]
    public void Same_key_in_different_mappings_is_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              b:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.None(findings, "duplicate-key");
    }
}
