using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class YamlSyntaxRuleTests
{
    [Theory]
    [InlineData("on: push\njobs:\n  build:\n    runs-on: [a, b\n    steps: []\n", 3, 1)]
    [InlineData("on: push\njobs:\n  build:\n    runs-on: 'ubuntu-latest\n", 4, 14)]
    [InlineData("on: push\njobs:\n\tbuild: {}\n", 3, 1)]
    [InlineData("on: push\njobs:\n  build:\n    steps:\n      - run: a\n     - run: b\n", 3, 1)] // on the key holding the broken block, as actionlint reports it
    [InlineData("on: push\n---\njobs: {}\n", 2, 1)]
    [InlineData("on: push\n[a]: b\njobs: {}\n", 2, 1)]
    [InlineData("on: push\njobs: *nowhere\n", 2, 7)]
    public void Syntax_errors_point_at_the_parser_line_and_column(string yaml, int line, int column)
    {
        var findings = TempRepository.LintWorkflow(yaml);

        var finding = Expect.At(findings, "yaml-syntax", line, column);
        Assert.True(finding.IsError);
    }

    [Fact]
    public void A_nul_byte_makes_it_a_binary_file()
    {
        var findings = TempRepository.LintWorkflow("on: push\0\njobs: {}\n");

        var finding = Expect.At(findings, "yaml-syntax", 1, 1);
        Assert.Contains("binary", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# comment only\non: push # trailing\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo \"a: [b\"\n")]
    [InlineData("\uFEFFon: push\r\njobs:\r\n  build:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: echo\r\n")]
    [InlineData("%YAML 1.2\n---\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n...\n")]
    [InlineData("on: push\nx: &a {runs-on: ubuntu-latest, steps: [{run: echo}]}\njobs:\n  build: *a\n")]
    public void Comments_bom_crlf_directives_and_anchors_are_valid_yaml(string yaml)
    {
        var findings = TempRepository.LintWorkflow(yaml);

        Expect.None(findings, "yaml-syntax");
    }
}
