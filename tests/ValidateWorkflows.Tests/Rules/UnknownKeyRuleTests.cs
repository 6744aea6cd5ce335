using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class UnknownKeyRuleTests
{
    [Fact]
    public void Typo_in_job_and_step_keys_lists_the_expected_keys()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                default:
                  run:
                    working-directory: src
                steps:
                  - run: echo hello
                    Shell: bash
            """);

        var job = Expect.At(findings, "unknown-key", 5, 5);
        Assert.Contains("\"defaults\"", job.Message, StringComparison.Ordinal);
        Assert.Equal(12, job.EndColumn);
        Expect.At(findings, "unknown-key", 10, 9);
    }

    [Fact]
    public void Unknown_keys_in_event_filters_strategy_container_and_concurrency_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on:
              push:
                branch: [main]
            concurrency:
              group: ci
              cancel: true
            jobs:
              test:
                runs-on: ubuntu-latest
                strategy:
                  matrix: {os: [a]}
                  fail_fast: false
                container:
                  image: node
                  opts: --cpus 1
                services:
                  db:
                    image: postgres
                    env_vars: {}
                steps:
                  - run: echo
            """);

        Expect.At(findings, "unknown-key", 3, 5);
        Expect.At(findings, "unknown-key", 6, 3);
        Expect.At(findings, "unknown-key", 12, 7);
        Expect.At(findings, "unknown-key", 15, 7);
        Expect.At(findings, "unknown-key", 19, 9);
    }

    [Fact]
    public void Reusable_workflow_call_job_allows_with_and_secrets_but_not_steps()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              call:
                uses: octo/repo/.github/workflows/x.yml@v1
                with: {a: 1}
                secrets: inherit
                steps:
                  - run: echo
            """);

        Expect.Count(findings, "unknown-key", 1);
        Expect.At(findings, "unknown-key", 7, 5);
    }

    [Fact]
    public void Every_documented_key_is_accepted()
    {
        var findings = TempRepository.LintWorkflow("""
            name: CI
            run-name: run
            on:
              push:
                branches: [main]
                tags: [v*]
                paths: [src/**]
              workflow_dispatch:
                inputs:
                  x: {description: d, required: false, default: a, type: choice, options: [a]}
            permissions: read-all
            env: {A: b}
            defaults: {run: {shell: bash, working-directory: .}}
            concurrency: {group: ci, cancel-in-progress: true}
            jobs:
              test:
                name: t
                runs-on: ubuntu-latest
                timeout-minutes: 5
                continue-on-error: false
                environment: {name: prod, url: https://example.com}
                outputs: {o: v}
                env: {B: c}
                if: github.event_name == 'push'
                steps:
                  - id: s
                    name: n
                    if: always()
                    run: echo
                    shell: bash
                    working-directory: .
                    env: {C: d}
                    continue-on-error: true
                    timeout-minutes: 1
            """);

        Expect.None(findings, "unknown-key");
    }
}
