using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class ActionCoreGroupsTests : IDisposable
{
    private readonly StringWriter _stdout = new();

    public void Dispose() => _stdout.Dispose();

    private ActionCore Core()
    {
        var variables = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };
        var values = InputValues.Gather(TestManifest.Manifest, variables, new Dictionary<string, string>());
        return new ActionCore(RunnerEnvironment.FromVariables(variables), TestManifest.Manifest, new ActionInputs(TestManifest.Manifest, values), _stdout);
    }

    [Fact]
    public async Task Group_async_wraps_the_body_in_one_group_and_returns_its_value()
    {
        var core = Core();

        var value = await core.GroupAsync("archive", () =>
        {
            core.WriteInfo("inside");
            return Task.FromResult(42);
        });

        Assert.Equal(42, value);
        Assert.Equal("::group::archive\ninside\n::endgroup::\n", _stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Group_async_closes_the_group_when_the_body_throws()
    {
        var core = Core();

        var error = await Assert.ThrowsAsync<IOException>(() => core.GroupAsync("publish", () => throw new IOException("disk full")));
        core.SetFailed(error.Message);

        Assert.Equal("::group::publish\n::endgroup::\n::error::disk full\n", _stdout.ToString().ReplaceLineEndings("\n"));
    }
}
