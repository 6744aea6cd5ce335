using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Probes.Load;

namespace Tailpaste.Shared.Tests.Probes.Load;

public sealed class LoadPlanTests
{
    private static readonly LoadPlan _valid = new() { ServiceUrl = new Uri("http://127.0.0.1:8080/"), Requests = 10 };

    public static TheoryData<string, LoadPlan> BadPlans => new()
    {
        { "concurrency", _valid with { Concurrency = 0 } },
        { "concurrency", _valid with { Concurrency = 1_001 } },
        { "requests", _valid with { Requests = 0 } },
        { "requests", _valid with { Requests = null } },
        { "duration", _valid with { Duration = TimeSpan.FromHours(2) } },
        { "rate", _valid with { Rate = 10 } },
        { "rate", _valid with { Model = LoadModel.Open } },
        { "rate", _valid with { Model = LoadModel.Open, Rate = 0 } },
        { "rate", _valid with { Model = LoadModel.Open, Rate = double.NaN } },
        { "duration", _valid with { Model = LoadModel.Open, Rate = 5, Requests = null } },
        { "timeout", _valid with { RequestTimeout = TimeSpan.Zero } },
        { "max-body-bytes", _valid with { MaxBodyBytes = -1 } },
        { "max-redirects", _valid with { MaxRedirects = 11 } },
        { "paths", _valid with { Paths = [] } },
        { "paths", _valid with { Paths = [.. Enumerable.Repeat("/", 17)] } },
        { "paths", _valid with { Paths = ["//evil.example/x"] } },
        { "paths", _valid with { Paths = ["http://evil.example/"] } },
        { "paths", _valid with { Paths = ["/ok\nX-Injected: 1"] } },
        { "time-limit", _valid with { TimeLimit = TimeSpan.FromHours(3) } },
        { "service-url", _valid with { ServiceUrl = new Uri("ftp://127.0.0.1/") } },
        { "service-url", _valid with { ServiceUrl = new Uri("http://user:secret@127.0.0.1/") } },
        { "service-url", _valid with { ServiceUrl = new Uri("/relative", UriKind.Relative) } },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void Validate_NamesTheSettingOutOfBounds(string input, LoadPlan plan)
    {
        var error = Assert.Throws<InputException>(plan.Validate);

        Assert.Equal(input, error.Input);
        Assert.Contains("expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordInTheServiceUrl_IsNotEchoed()
    {
        var error = Assert.Throws<InputException>((_valid with { ServiceUrl = new Uri("http://user:hunter2@127.0.0.1/") }).Validate);

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Contains("***@127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathThatClimbsAboveTheBasePath_IsRefused()
    {
        var plan = _valid with { ServiceUrl = new Uri("http://127.0.0.1:8080/tailpaste/"), Paths = ["../admin"] };

        var error = Assert.Throws<InputException>(plan.Validate);

        Assert.Contains("leaves the service", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlannedRequests_OfTheOpenModel_IsRateTimesDuration_CappedByRequests()
    {
        var open = _valid with { Model = LoadModel.Open, Rate = 50, Requests = null, Duration = TimeSpan.FromSeconds(3) };

        Assert.Equal(150, open.PlannedRequests);
        Assert.Equal(100, (open with { Requests = 100 }).PlannedRequests);
        Assert.Equal(TimeSpan.FromSeconds(13), open.EffectiveTimeLimit);
        Assert.Equal(LoadPlan.DefaultTimeLimit, _valid.EffectiveTimeLimit);
    }
}
