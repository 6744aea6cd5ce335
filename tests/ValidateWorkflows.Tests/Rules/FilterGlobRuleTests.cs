using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class FilterGlobRuleTests
{
    [Fact]
    public void Unclosed_classes_empty_patterns_and_impossible_ref_names_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              push:
                branches: ["release/[0-9", "feature x", ""]
                tags: ["v[]", "v~1"]
                paths: ["src/[z-a]*.cs"]
              pull_request:
                branches-ignore: "a:b"
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.At(findings, "filter-glob", 3, 16);
        Expect.At(findings, "filter-glob", 3, 32);
        Expect.At(findings, "filter-glob", 3, 45);
        Expect.At(findings, "filter-glob", 4, 12);
        Expect.At(findings, "filter-glob", 4, 19);
        Expect.At(findings, "filter-glob", 5, 13);
        Expect.At(findings, "filter-glob", 7, 22);
        Expect.Count(findings, "filter-glob", 7);
    }

    [Fact]
    public void Globs_negations_escapes_and_spaces_in_paths_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              push:
                branches: [main, "release/**", "!release/**-alpha", "v[0-9]+.x", "feature/a\\+b"]
                tags: ["v*.*.*", "v[0-9]+.[0-9]+.[0-9]+"]
                paths: ["docs/My Notes/**", "**.md", "!src/[a-z]?.cs", "docs/\\[draft]/**", "src/a\\b"]
              workflow_run:
                workflows: [ci]
                branches: [main]
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo
            """);

        Expect.None(findings, "filter-glob");
    }
}
