using System.Globalization;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Probes.Load;

/// <summary>
/// What a load run sends: GET requests to <see cref="Paths"/> on the service, in turn, paced by the
/// <see cref="Model"/>. Bounded in every direction: count, time, concurrency, body size, and the origin
/// (see <see cref="ServiceOrigin"/>). <see cref="Validate"/> names the setting, the value and what was expected.
/// </summary>
public sealed record LoadPlan
{
    public const int MaxConcurrency = 1_000;
    public const long MaxRequests = 10_000_000;
    public const double MaxRate = 100_000;
    public const int MaxPaths = 16;
    public const int MaxBodyBytesLimit = 64 * 1024 * 1024;
    public const int MaxRedirectsLimit = 10;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Without a duration, a run stops at this time limit whatever is left.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMinutes(10);

    public required Uri ServiceUrl { get; init; }

    /// <summary>Paths on the service (<c>/</c>, <c>/healthz</c>), sent in turn.</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["/"];

    public LoadModel Model { get; init; } = LoadModel.Closed;

    /// <summary>Closed: the number of workers. Open: the most requests in flight; a request due while all are busy waits, and its wait counts in its latency.</summary>
    public int Concurrency { get; init; } = 10;

    /// <summary>How many requests in all; with a duration too, whichever ends first.</summary>
    public long? Requests { get; init; }

    /// <summary>How long to keep sending; with requests too, whichever ends first.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Open model only: requests per second.</summary>
    public double? Rate { get; init; }

    /// <summary>Bound on each request, from connect to the last byte of its (capped) body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Body bytes read per answer; a longer body fails the request, and the rest is not read.</summary>
    public int MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Redirects followed while they stay on the service's origin; one off it fails the request unfollowed.</summary>
    public int MaxRedirects { get; init; } = 3;

    /// <summary>
    /// Before the clock starts, each worker sends one untimed request to its first path, so connection set-up
    /// and this process's own start-up (JIT) are not measured as the service's latency. Not counted anywhere
    /// but <see cref="LoadResult.WarmupRequests"/>; off for a cold-start measurement.
    /// </summary>
    public bool Warmup { get; init; } = true;

    /// <summary>The whole run's hard limit; in-flight requests at that moment count as timed out. Default: duration plus one request timeout, or 10 minutes.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The limit in force: <see cref="TimeLimit"/>, else the duration plus one request timeout, else <see cref="DefaultTimeLimit"/>.</summary>
    public TimeSpan EffectiveTimeLimit => TimeLimit ?? (Duration is { } duration ? duration + RequestTimeout : DefaultTimeLimit);

    /// <summary>How many requests the plan sends at most (null: as many as fit in the duration, closed model).</summary>
    public long? PlannedRequests => Model == LoadModel.Open && Rate is { } rate && Duration is { } duration
        ? Math.Min(Requests ?? long.MaxValue, Math.Max(1, (long)Math.Ceiling(rate * duration.TotalSeconds)))
        : Requests;

    /// <summary>Throws <see cref="InputException"/> for the first setting out of bounds.</summary>
    public void Validate()
    {
        ServiceOrigin origin;
        try
        {
            origin = new ServiceOrigin(ServiceUrl);
        }
        catch (ArgumentException)
        {
            // A user name and password in the URL must not be echoed into the error.
            var shown = ServiceUrl is { IsAbsoluteUri: true, UserInfo.Length: > 0 } ? ServiceUrl.ToString().Replace(ServiceUrl.UserInfo + "@", "***@", StringComparison.Ordinal) : ServiceUrl?.ToString();
            throw new InputException("service-url", shown, "an absolute http or https URL without a user name or password");
        }

        if (Paths.Count is 0 or > MaxPaths)
        {
            throw new InputException("paths", Paths.Count.ToString(CultureInfo.InvariantCulture), $"1 to {MaxPaths} paths");
        }

        foreach (var path in Paths)
        {
            try
            {
                origin.Resolve(path);
            }
            catch (ArgumentException e)
            {
                throw new InputException("paths", path, $"a path on the service such as /healthz ({e.Message})");
            }
        }

        Check("concurrency", Concurrency, Concurrency is >= 1 and <= MaxConcurrency, $"a whole number from 1 to {MaxConcurrency}");
        if (Requests is { } requests)
        {
            Check("requests", requests, requests is >= 1 and <= MaxRequests, $"a whole number from 1 to {MaxRequests}");
        }

        if (Duration is { } duration)
        {
            Check("duration", duration, duration > TimeSpan.Zero && duration <= MaxDuration, "more than 0 and at most 1h");
        }

        if (Model == LoadModel.Closed)
        {
            if (Requests is null && Duration is null)
            {
                throw new InputException("requests", null, "a number of requests or a duration (or both) for the closed model");
            }

            if (Rate is not null)
            {
                throw new InputException("rate", Rate.Value.ToString(CultureInfo.InvariantCulture), "no rate for the closed model (its pace is set by concurrency); use the open model for a rate");
            }
        }
        else
        {
            if (Rate is not { } rate || !double.IsFinite(rate) || rate <= 0 || rate > MaxRate)
            {
                throw new InputException("rate", Rate?.ToString(CultureInfo.InvariantCulture), $"requests per second, more than 0 and at most {MaxRate} (the open model needs one)");
            }

            if (Requests is null && Duration is null)
            {
                throw new InputException("duration", null, "a duration or a number of requests (or both) for the open model");
            }
        }

        Check("timeout", RequestTimeout, RequestTimeout > TimeSpan.Zero && RequestTimeout <= MaxRequestTimeout, "more than 0 and at most 5m");
        Check("max-body-bytes", MaxBodyBytes, MaxBodyBytes is >= 0 and <= MaxBodyBytesLimit, $"0 to {MaxBodyBytesLimit} bytes");
        Check("max-redirects", MaxRedirects, MaxRedirects is >= 0 and <= MaxRedirectsLimit, $"0 to {MaxRedirectsLimit}");
        if (TimeLimit is { } limit)
        {
            Check("time-limit", limit, limit > TimeSpan.Zero && limit <= MaxDuration + MaxRequestTimeout, "more than 0 and at most 1h05m");
        }
    }

    private static void Check<T>(string name, T value, bool valid, string expected)
    {
        if (!valid)
        {
            throw new InputException(name, Convert.ToString(value, CultureInfo.InvariantCulture), expected);
        }
    }
}
