using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class EnvNameRuleTests
{
    [Fact]
    public void Names_with_equals_ampersand_or_spaces_are_reported_under_every_env()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            env:
              "A B": x
            jobs:
              build:
                runs-on: ubuntu-latest
                env: {"C=D": y}
                container:
                  image: debian
                  env: {"E&F": z}
                services:
                  db:
                    image: postgres
                    env: {"G\tH": w}
                steps:
                  - run: echo
                    env:
                      OK_1: a
                      "bad name": b
            """);

        Expect.At(findings, "env-name", 4, 3);
        Expect.At(findings, "env-name", 8, 11);
        Expect.At(findings, "env-name", 11, 13);
        Expect.At(findings, "env-name", 15, 15);
        Expect.At(findings, "env-name", 20, 11);
        Expect.Count(findings, "env-name", 5);
    }

    [Fact]
    public void Action_env_is_checked_too()
    {
        var findings = TempRepository.LintAction("""
            name: a
            description: a
            runs:
              using: docker
              image: docker://alpine
              env:
                "X Y": 1
            """);

        Expect.At(findings, "env-name", 7, 5);
    }

    [Fact]
    public void Ordinary_names_lowercase_and_expression_keys_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            env:
              NODE_OPTIONS: --max-old-space-size=4096
              lower_case: "a = b & c"
              _X1: y
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.None(findings, "env-name");
    }
}
