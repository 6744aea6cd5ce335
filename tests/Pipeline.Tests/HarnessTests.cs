using Tailpaste.Pipeline.Tests.Harness;

namespace Tailpaste.Pipeline.Tests;

/// <summary>The harness runs jobs as the runner would: needs order, if:, expressions over every context, outputs, workflow_call.</summary>
public sealed class HarnessTests : IDisposable
{
    private readonly DirectoryInfo _repository = Directory.CreateTempSubdirectory("tailpaste-harness-repo-");

    public HarnessTests()
    {
        var workflows = Directory.CreateDirectory(Path.Combine(_repository.FullName, ".github", "workflows")).FullName;
        File.WriteAllText(Path.Combine(workflows, "main.yml"), """
            name: main
            on:
              workflow_dispatch:
                inputs:
                  target: { type: choice, options: [staging, production], default: staging }
                  fail: { type: boolean, default: false }
            env:
              GREETING: hello ${{ inputs.target }}
            jobs:
              last:
                needs: [first, call]
                runs-on: [self-hosted, "host-${{ inputs.target }}"]
                steps:
                  - id: echo
                    env:
                      FROM_FIRST: ${{ needs.first.outputs.word }}
                      FROM_CALL: ${{ needs.call.outputs.doubled }}
                    run: echo "seen=$FROM_FIRST/$FROM_CALL/$GREETING" >> "$GITHUB_OUTPUT"
              first:
                runs-on: ubuntu-latest
                environment: ${{ inputs.target }}
                concurrency:
                  group: deploy-${{ inputs.target }}
                outputs:
                  word: ${{ steps.say.outputs.word }}
                steps:
                  - id: say
                    env:
                      TOKEN: ${{ secrets.TOKEN }}
                      NAME: ${{ vars.NAME }}
                    run: echo "word=$NAME-${#TOKEN}" >> "$GITHUB_OUTPUT"
                  - id: maybe-fail
                    if: inputs.fail
                    run: exit 3
                  - id: after-failure
                    run: echo never
                  - id: on-failure
                    if: failure()
                    run: echo "## failed" >> "$GITHUB_STEP_SUMMARY"
              call:
                needs: first
                uses: ./.github/workflows/called.yml
                with:
                  word: ${{ needs.first.outputs.word }}
                secrets:
                  TOKEN: ${{ secrets.TOKEN }}
              skipped:
                if: github.event_name == 'push'
                runs-on: ubuntu-latest
                steps:
                  - run: exit 1
            """);
        File.WriteAllText(Path.Combine(workflows, "called.yml"), """
            on:
              workflow_call:
                inputs:
                  word: { type: string, required: true }
                  times: { type: number, default: 2 }
                secrets:
                  TOKEN: { required: true }
                outputs:
                  doubled:
                    value: ${{ jobs.twice.outputs.result }}
            jobs:
              twice:
                runs-on: ubuntu-latest
                outputs:
                  result: ${{ steps.make.outputs.result }}
                steps:
                  - id: make
                    env:
                      WORD: ${{ inputs.word }}
                      TIMES: ${{ inputs.times }}
                      SECRET_SET: ${{ secrets.TOKEN != '' }}
                    run: echo "result=$WORD x$TIMES secret=$SECRET_SET" >> "$GITHUB_OUTPUT"
            """);
    }

    [Fact]
    public async Task Jobs_run_in_needs_order_with_outputs_flowing_through_needs_and_a_called_workflow()
    {
        var result = await Harness().RunAsync("main.yml", WorkflowEvent.Dispatch(new Dictionary<string, string> { ["target"] = "production" }));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(["first", "call", "last", "skipped"], result.Jobs.Select(j => j.Id));
        Assert.Equal("tp-10", result.Job("first").Outputs["word"]);
        Assert.Equal("production", result.Job("first").Environment);
        Assert.Equal("deploy-production", result.Job("first").ConcurrencyGroup);
        Assert.Equal("tp-10 x2 secret=true", result.Job("call").Outputs["doubled"]);
        Assert.Equal("tp-10/tp-10 x2 secret=true/hello production", result.Job("last").Step("echo").Outputs["seen"]);
        Assert.Equal("self-hosted,host-production", result.Job("last").RunsOn);
        Assert.Equal("skipped", result.Job("skipped").Result);
        Assert.Equal(["success", "skipped", "success", "skipped"], result.Job("first").Steps.Select(s => s.Outcome));
    }

    [Fact]
    public async Task A_failed_step_skips_the_rest_but_failure_steps_and_fails_the_job_and_its_dependents_are_skipped()
    {
        var result = await Harness().RunAsync("main.yml", WorkflowEvent.Dispatch(new Dictionary<string, string> { ["fail"] = "true" }));

        Assert.False(result.Succeeded);
        Assert.Equal(["success", "failure", "skipped", "success"], result.Job("first").Steps.Select(s => s.Outcome));
        Assert.Equal("failure", result.Job("first").Result);
        Assert.Contains("## failed", result.Job("first").Summary, StringComparison.Ordinal);
        Assert.Equal("skipped", result.Job("call").Result);
        Assert.Equal("skipped", result.Job("last").Result);
    }

    private WorkflowHarness Harness()
    {
        var harness = new WorkflowHarness(_repository.FullName, () => new WorkspaceOnly());
        harness.Vars["NAME"] = "tp";
        harness.Secrets["TOKEN"] = "s3cret-xyz";
        return harness;
    }

    public void Dispose() => _repository.Delete(recursive: true);
}
