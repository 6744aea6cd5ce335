using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class MatrixContextRuleTests
{
    [Fact]
    public void Undefined_matrix_keys_and_matrix_without_strategy_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ${{ matrix.os }}
                strategy:
                  matrix:
                    os: [ubuntu-latest]
                steps:
                  - run: echo ${{ matrix.node }}
              other:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ matrix.os }}
            """);

        Expect.At(findings, "matrix-context", 9, 30);
        Expect.At(findings, "matrix-context", 13, 30);
        Expect.Count(findings, "matrix-context", 2);
    }

    [Fact]
    public void Keys_from_include_and_dynamic_matrices_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    os: [a]
                    include:
                      - os: a
                        experimental: true
                steps:
                  - run: echo ${{ matrix.experimental }} ${{ matrix.OS }}
              dynamic:
                runs-on: ubuntu-latest
                strategy:
                  matrix: ${{ fromJSON('{"x":[1]}') }}
                steps:
                  - run: echo ${{ matrix.x }}
            """);

        Expect.None(findings, "matrix-context");
    }
}
