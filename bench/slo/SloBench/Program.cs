using System.Globalization;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Reporting;

// usage: slo-bench --url URL [--path P]... [--concurrency C] [--requests N] [--duration SECONDS] [--rate R] [--no-warmup]
// Runs one load run (the open model when --rate is given, else the closed one) and prints its result as JSON,
// the shape the health-check action will report: requests, error rate, requests_per_second, latency p50/p95/p99/max.
var url = (Uri?)null;
var paths = new List<string>();
var concurrency = 10;
long? requests = null;
TimeSpan? duration = null;
double? rate = null;
var warmup = true;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new InputException(args[i], null, "a value after it");
    switch (args[i])
    {
        case "--url":
            url = new Uri(Next());
            break;
        case "--path":
            paths.Add(Next());
            break;
        case "--concurrency":
            concurrency = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--requests":
            requests = long.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--duration":
            duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture));
            break;
        case "--rate":
            rate = double.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--no-warmup":
            warmup = false;
            break;
        default:
            await Console.Error.WriteLineAsync($"slo-bench: unknown argument {args[i]}");
            return 2;
    }
}

if (url is null)
{
    await Console.Error.WriteLineAsync("usage: slo-bench --url URL [--path P]... [--concurrency C] [--requests N] [--duration SECONDS] [--rate R] [--no-warmup]");
    return 2;
}

var plan = new LoadPlan
{
    ServiceUrl = url,
    Paths = paths.Count == 0 ? ["/"] : paths,
    Model = rate is null ? LoadModel.Closed : LoadModel.Open,
    Concurrency = concurrency,
    Requests = requests,
    Duration = duration,
    Rate = rate,
    Warmup = warmup,
};
try
{
    var result = await LoadGenerator.RunAsync(plan);
    Console.Out.Write(JsonReportWriter.Serialize(result));
    return 0;
}
catch (InputException e)
{
    await Console.Error.WriteLineAsync($"slo-bench: {e.Message}");
    return 2;
}
