using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class RunnerLabelRuleTests
{
    private const string Workflow = """
        on: push
        jobs:
          a:
            runs-on: ubuntu-lates
            steps:
              - run: echo
          b:
            runs-on: [self-hosted, linux, gpu]
            steps:
              - run: echo
          c:
            runs-on: [self-hosted, ubuntu-latest]
            steps:
              - run: echo
          d:
            runs-on: [linux, windows-latest, x64]
            steps:
              - run: echo
          e:
            runs-on: {group: big-runners, labels: [gpu-box]}
            steps:
              - run: echo
        """;

    [Fact]
    public void Unknown_labels_and_labels_asking_for_different_systems_are_reported()
    {
        var findings = TempRepository.LintWorkflow(Workflow);

        Expect.At(findings, "runner-label", 4, 14);
        Expect.At(findings, "runner-label", 8, 35);
        Expect.At(findings, "runner-label", 16, 22);
        Expect.At(findings, "runner-label", 20, 44);
        Expect.Count(findings, "runner-label", 4);
    }

    [Fact]
    public void Self_hosted_runners_may_carry_a_hosted_label_of_their_own()
    {
        var findings = TempRepository.LintWorkflow(Workflow);

        Assert.DoesNotContain(findings, f => f.Rule == "runner-label" && f.Line == 12);
    }

    [Fact]
    public void Labels_from_the_config_are_accepted()
    {
        var config = LintConfig.Empty with { RunnerLabels = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "gpu" } };

        var findings = TempRepository.LintWorkflow(Workflow, config);

        Assert.DoesNotContain(findings, f => f.Rule == "runner-label" && f.Line == 8);
    }

    [Fact]
    public void Hosted_labels_groups_and_expressions_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              a:
                runs-on: macos-14
                steps:
                  - run: echo
              b:
                runs-on: {group: big-runners, labels: [ubuntu-latest, self-hosted, linux]}
                steps:
                  - run: echo
              c:
                runs-on: ${{ matrix.os }}
                strategy: {matrix: {os: [windows-latest]}}
                steps:
                  - run: echo
            """);

        Expect.None(findings, "runner-label");
    }

    [Fact]
    public void Matrix_values_used_as_runs_on_are_checked_where_the_matrix_writes_them()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              a:
                runs-on: ${{ matrix.os }}
                strategy:
                  matrix:
                    os: [ubuntu-latest, ubuntu-lastest, "${{ vars.RUNNER }}"]
                    include:
                      - os: windows-lates
                      - os: [self-hosted, gpu-box]
                steps:
                  - run: echo
              b:
                runs-on: ${{ matrix.runner }}-large
                strategy: {matrix: {runner: [whatever]}}
                steps:
                  - run: echo
              c:
                runs-on: ${{ matrix.os }}
                strategy: {matrix: {os: [windows-latest, macos-15], include: [{os: ubuntu-24.04-arm}]}}
                steps:
                  - run: echo
            """);

        Expect.At(findings, "runner-label", 7, 29);
        Expect.At(findings, "runner-label", 9, 17);
        Expect.Count(findings, "runner-label", 2);
    }
}
