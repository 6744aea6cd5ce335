using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class ValueTypeRuleTests
{
    [Fact]
    public void Steps_as_mapping_and_env_as_sequence_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                env: [A]
                steps:
                  run: echo
            """);

        Expect.At(findings, "value-type", 5, 10);
        Expect.At(findings, "value-type", 7, 7);
    }

    [Fact]
    public void Top_level_sequence_is_reported()
    {
        var findings = TempRepository.LintWorkflow("- on\n- jobs\n");

        Expect.At(findings, "value-type", 1, 1);
    }

    [Fact]
    public void Expressions_and_inherit_are_accepted_where_values_are_computed()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ${{ fromJSON('["ubuntu-latest"]') }}
                env: ${{ fromJSON('{}') }}
                steps:
                  - run: echo
              call:
                uses: octo/repo/.github/workflows/x.yml@v1
                secrets: inherit
            """);

        Expect.None(findings, "value-type");
    }
}
