using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Rules;
using Tailpaste.ValidateWorkflows.Sources;
using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class InternalErrorRuleTests
{
    [Fact]
    public void A_rule_that_throws_is_an_internal_error_and_the_other_rules_still_report()
    {
        using var repository = new TempRepository();
        var path = repository.Write(TempRepository.WorkflowPath, """
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: gpu-box
                steps:
                  - run: echo
            """);
        var linter = new Linter([.. RuleSet.All(), new ThrowingRule()], LintConfig.Empty, new LocalRepository(repository.Root));

        var findings = linter.LintFile(path);

        var failure = Expect.At(findings, "internal-error", 1, 1);
        Assert.Contains("rule throwing failed on this file: InvalidOperationException: boom", failure.Message, StringComparison.Ordinal);
        Expect.At(findings, "runner-label", 5, 14);
    }

    [Fact]
    public void Rules_that_do_not_throw_give_no_internal_error()
    {
        var findings = TempRepository.LintWorkflow("on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n");

        Expect.None(findings, "internal-error");
    }

    private sealed class ThrowingRule : Rule
    {
        public override string Id => "throwing";

        public override string Description => "Throws on every job, as a buggy rule would.";

        public override void VisitJob(Job job, RuleContext context) => throw new InvalidOperationException("boom");
    }
}
