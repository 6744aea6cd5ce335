using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class MatrixExcludeRuleTests
{
    [Fact]
    public void Exclude_keys_the_matrix_does_not_define_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    os: [a, b]
                    include:
                      - os: a
                        extra: true
                    exclude:
                      - os: b
                        arch: x
                      - extra: true
                steps:
                  - run: echo
            """);

        var arch = Expect.At(findings, "matrix-exclude", 14, 13);
        Assert.Contains("\"arch\", which is not a key of the matrix; the matrix defines \"os\"", arch.Message, StringComparison.Ordinal);
        Expect.At(findings, "matrix-exclude", 15, 13);
        Expect.Count(findings, "matrix-exclude", 2);
    }

    [Fact]
    public void Exclude_of_matrix_keys_in_any_case_and_dynamic_matrices_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    os: [a, b]
                    node: [18, 20]
                    exclude:
                      - {OS: a, node: 18}
                steps:
                  - run: echo
              dynamic:
                runs-on: ubuntu-latest
                strategy:
                  matrix: ${{ fromJSON(vars.MATRIX) }}
                steps:
                  - run: echo
            """);

        Expect.None(findings, "matrix-exclude");
    }
}
