using System.Text;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests;

/// <summary>No input crashes or hangs the linter: each hostile file ends in a finding.</summary>
public class RobustnessTests
{
    [Fact]
    public void Billion_laughs_stops_at_the_node_limit()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var findings = TempRepository.LintWorkflow(yaml.ToString());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var finding = Assert.Single(findings);
        Assert.Equal("yaml-limits", finding.Rule);

        // Expanded, the document is a billion strings; bounded, linting it allocates a few megabytes.
        Assert.True(allocated < 64L * 1024 * 1024, $"linting the alias bomb allocated {allocated / (1024 * 1024)} MiB");
    }

    [Fact]
    public void Deep_nesting_stops_at_the_depth_limit()
    {
        var findings = TempRepository.LintWorkflow("a: " + new string('[', 20_000) + new string(']', 20_000) + "\n");

        Assert.Equal("yaml-limits", Assert.Single(findings).Rule);
    }

    [Fact]
    public void Deeply_nested_block_mappings_stop_at_the_depth_limit()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            yaml.Append(' ', i).Append('k').Append(i).Append(":\n");
        }

        var findings = TempRepository.LintWorkflow(yaml.ToString());

        Assert.Equal("yaml-limits", Assert.Single(findings).Rule);
    }

    [Fact]
    public void Binary_garbage_is_a_syntax_finding()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        using var repository = new TempRepository();
        var path = repository.Write(TempRepository.WorkflowPath, string.Empty);
        File.WriteAllBytes(path, bytes);

        var findings = repository.Lint(TempRepository.WorkflowPath);

        Assert.Equal("yaml-syntax", Assert.Single(findings).Rule);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n# only a comment\n")]
    [InlineData("~")]
    [InlineData("just a string")]
    [InlineData("[1, 2]")]
    [InlineData("on: push\njobs: [1, 2]\n")]
    [InlineData("on: push\njobs:\n  a: 1\n  b: [x]\n")]
    [InlineData("on: {push: [1]}\njobs:\n  a:\n    steps: 1\n    needs: {a: b}\n    strategy: [1]\n")]
    [InlineData("? [complex, key]\n: value\n")]
    [InlineData("a: *undefined\n")]
    [InlineData("\t- tab indented\n")]
    public void Odd_but_small_inputs_give_findings_not_exceptions(string yaml)
    {
        var findings = TempRepository.LintWorkflow(yaml);

        Assert.NotEmpty(findings);
        Assert.DoesNotContain(findings, f => f.Rule == "internal-error");
    }

    [Fact]
    public void Random_mutations_of_a_real_workflow_never_crash_a_rule()
    {
        const string Seed = """
            name: CI
            on:
              push: {branches: [main]}
              workflow_dispatch:
                inputs:
                  level: {type: choice, options: [a, b], default: a}
            permissions: {contents: read}
            jobs:
              build:
                runs-on: ${{ matrix.os }}
                strategy: {matrix: {os: [ubuntu-latest]}}
                outputs: {v: "${{ steps.s.outputs.v }}"}
                steps:
                  - id: s
                    run: echo "${{ inputs.level }}" && docker run --label environment=testing x
                  - uses: ./actions/deploy
                    if: always()
                    with: {a: "${{ needs.x.outputs.y }}"}
              test:
                needs: [build]
                uses: ./.github/workflows/x.yml
            """;
        var random = new Random(1234);
        const string Alphabet = "{}[]:,-'\"$ \n#&*!|>%@`abc01";
        using var repository = new TempRepository();
        for (var round = 0; round < 150; round++)
        {
            var text = new StringBuilder(Seed);
            for (var edit = 0; edit < 1 + random.Next(4); edit++)
            {
                var at = random.Next(text.Length);
                if (random.Next(2) == 0)
                {
                    text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(3)));
                }
                else
                {
                    text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                }
            }

            repository.Write(TempRepository.WorkflowPath, text.ToString());
            var findings = repository.Lint(TempRepository.WorkflowPath);

            Assert.True(findings.All(f => f.Rule != "internal-error"), $"round {round}:\n{text}\n{Expect.Describe(findings)}");
        }
    }
}
