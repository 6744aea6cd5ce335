using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class EventsRuleTests
{
    [Fact]
    public void Unknown_event_unknown_type_and_exclusive_filters_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              pull-request:
              issues:
                types: [opened, opend]
              push:
                branches: [main]
                branches-ignore: [dev]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        var unknown = Expect.At(findings, "events", 2, 3);
        Assert.Contains("pull_request", unknown.Message, StringComparison.Ordinal);
        Expect.At(findings, "events", 4, 21);
        Expect.At(findings, "events", 7, 5);
    }

    [Fact]
    public void Unknown_event_in_a_list_is_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: [push, pushh]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.At(findings, "events", 1, 12);
    }

    [Fact]
    public void Known_events_types_and_negated_filters_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              push:
                branches: [main, '!dev']
              pull_request_target:
                types: [opened, synchronize]
              repository_dispatch:
                types: [anything-goes]
              release:
                types: published
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.None(findings, "events");
    }
}
