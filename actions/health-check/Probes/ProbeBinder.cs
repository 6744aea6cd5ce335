using System.Globalization;
using Tailpaste.HealthCheck.Checks;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Http;
using Tailpaste.Shared.Probes;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.HealthCheck.Probes;

/// <summary>
/// The probes' inputs to <see cref="ProbeOptions"/>. Every one is read and checked on every run, whether or not a
/// probe is selected, so a bad value is found before anything is sent; defaults live in action.yml.
/// </summary>
public static class ProbeBinder
{
    private const string ThresholdList = "thresholds in k6's grammar, separated by commas or new lines";

    public static ProbeOptions Bind(ActionInputs inputs, Uri serviceUrl, TimeSpan responseTimeout, IReadOnlyList<string> checks)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(checks);

        // The probes send to the scheme, host and port alone and never put credentials in a URL.
        if (!string.IsNullOrEmpty(serviceUrl.UserInfo) && checks.FirstOrDefault(CheckNames.Probes.Contains) is { } probe)
        {
            throw inputs.Invalid("service-url", UrlCredentials.Redact(serviceUrl), $"a URL without a user name or password for the {probe} check");
        }

        var origin = new ServiceOrigin(new UriBuilder(serviceUrl) { UserName = string.Empty, Password = string.Empty }.Uri);
        var healthPath = inputs.GetInput("health-path");
        if (PathProblem(origin, healthPath) is { } healthProblem)
        {
            throw inputs.Invalid("health-path", healthPath, $"{SameOriginPath.Expected}, but {healthProblem}");
        }

        var slo = Thresholds(inputs, "slo");
        if (slo.Count == 0)
        {
            throw inputs.Invalid("slo", inputs.GetInput("slo"), $"one or more {ThresholdList}. {SloThresholdParser.Grammar}");
        }

        var paths = inputs.GetListInput("slo-paths");
        foreach (var path in paths)
        {
            if (PathProblem(origin, path) is { } pathProblem)
            {
                throw inputs.Invalid("slo-paths", inputs.GetInput("slo-paths"), $"paths separated by commas or new lines, each {SameOriginPath.Expected}, but {path} is not: {pathProblem}");
            }
        }

        var plan = new LoadPlan
        {
            ServiceUrl = origin.BaseUrl,
            Paths = paths,
            Model = inputs.GetOptionalInput("rate") is null ? LoadModel.Closed : LoadModel.Open,
            Concurrency = inputs.GetIntInput("concurrency", 1, LoadPlan.MaxConcurrency),
            Requests = inputs.GetOptionalInput("requests") is null ? null : inputs.GetIntInput("requests", 1, (int)LoadPlan.MaxRequests),
            Rate = inputs.GetOptionalInput("rate") is null ? null : inputs.GetDoubleInput("rate", double.Epsilon, LoadPlan.MaxRate),
            Duration = inputs.GetOptionalDurationInput("duration", LoadPlan.MaxDuration, allowZero: false),

            // response-timeout bounds every request of the action; a load request is bounded tighter by the engine.
            RequestTimeout = responseTimeout < LoadPlan.MaxRequestTimeout ? responseTimeout : LoadPlan.MaxRequestTimeout,
        };
        try
        {
            plan.Validate();
        }
        catch (InputException e) when (e.Input == "paths")
        {
            throw inputs.Invalid("slo-paths", inputs.GetInput("slo-paths"), e.Expected);
        }

        return new ProbeOptions
        {
            HealthPath = healthPath,
            Slo = slo,
            HealthSlo = Thresholds(inputs, "health-slo"),
            Load = plan,
        };
    }

    private static List<SloThreshold> Thresholds(ActionInputs inputs, string name)
    {
        var thresholds = new List<SloThreshold>();
        foreach (var text in inputs.GetListInput(name))
        {
            try
            {
                thresholds.Add(SloThresholdParser.Parse(text));
            }
            catch (SloThresholdFormatException e)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"\"{Shorten(text)}\" is not one: {e.Reason}");
                throw inputs.Invalid(name, inputs.GetInput(name), $"{ThresholdList}, but {reason}. {SloThresholdParser.Grammar}");
            }
        }

        return thresholds;
    }

    /// <summary>Why a path cannot be sent to on the service, or null.</summary>
    private static string? PathProblem(ServiceOrigin origin, string path)
    {
        if (SameOriginPath.Problem(path) is { } problem)
        {
            return problem;
        }

        try
        {
            origin.Resolve(path);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
}
