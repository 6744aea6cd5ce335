using System.Net;
using Tailpaste.PasteService;

// The composition root: the only place that reads the environment or touches the console.
const int ExitOk = 0;
const int ExitFailure = 1;
const int ExitUsage = 2;

switch (args)
{
    case ["--help"] or ["-h"]:
        Console.Out.WriteLine(Usage.Text);
        return ExitOk;
    case [] or ["--probe"]:
        break;
    default:
        Console.Error.WriteLine($"paste-service: unknown arguments \"{string.Join(' ', args)}\": expected none, --probe or --help.");
        return ExitUsage;
}

var parsed = OptionsParser.Parse(Environment.GetEnvironmentVariable, BuildInfo.FromAssembly(typeof(PasteStore).Assembly));
if (!parsed.IsValid)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"paste-service: {error}");
    }

    return ExitUsage;
}

var options = parsed.Options;

if (args is ["--probe"])
{
    var problem = await HealthProbe.CheckAsync(HealthProbe.HealthUri(options), CancellationToken.None);
    if (problem is not null)
    {
        Console.Error.WriteLine($"paste-service probe: {problem}");
        return ExitFailure;
    }

    return ExitOk;
}

try
{
    Directory.CreateDirectory(options.StoragePath);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"paste-service: {OptionsParser.StoragePathVariable}=\"{options.StoragePath}\" is not valid: expected a directory the service can create and write ({ex.Message}).");
    return ExitUsage;
}

var time = TimeProvider.System;
var log = new LogLineWriter(Console.Out);
var loggerProvider = new LineLoggerProvider(log, time);
var startupLog = loggerProvider.CreateLogger("Startup");

var store = new PasteStore(options.DatabasePath);
try
{
    await store.InitializeAsync(CancellationToken.None);
}
catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
{
    startupLog.Log(LogLevel.Critical, ex, "cannot open the database {DatabasePath}", options.DatabasePath);
    return ExitFailure;
}

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });

// Bind only where LISTEN_ADDRESS/LISTEN_PORT say. The aspnet base image sets ASPNETCORE_HTTP_PORTS=8080,
// which would otherwise make Kestrel warn about overriding it on every start.
builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, string.Empty);
builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, string.Empty);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Parse(options.ListenAddress), options.ListenPort);
});

// stdout is for access lines; the framework only speaks up for warnings and errors.
builder.Logging.ClearProviders();
builder.Logging.AddProvider(loggerProvider);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Tailpaste", LogLevel.Information);

builder.Services.AddSingleton(time);
builder.Services.AddSingleton(log);
builder.Services.AddSingleton(options.Build);
builder.Services.AddSingleton(options.Faults);
builder.Services.AddSingleton(store);
builder.Services.AddSingleton(new UploadAuthorizer(options.UploadToken));
builder.Services.AddSingleton<RequestMetrics>();
builder.Services.AddSingleton<PasteEndpoints>();
builder.Services.AddSingleton<OperationalEndpoints>();

var app = builder.Build();

// Outermost first: the access log and metrics see the final status, including injected faults.
app.UseMiddleware<AccessLogMiddleware>();
app.UseMiddleware<MetricsMiddleware>();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseMiddleware<ErrorHandlingMiddleware>();
app.UseRouting();
app.UseMiddleware<FaultInjectionMiddleware>();
PasteEndpoints.Map(app);
OperationalEndpoints.Map(app);

app.Lifetime.ApplicationStopped.Register(PasteStore.ReleaseConnections);

try
{
    await app.StartAsync();
}
catch (IOException ex)
{
    startupLog.Log(LogLevel.Critical, ex, "cannot listen on {Address}:{Port}", options.ListenAddress, options.ListenPort);
    return ExitFailure;
}

startupLog.Log(
    LogLevel.Information,
    "listening on http://{Address}:{Port}; database {DatabasePath}; version {Version} (commit {Commit}); upload token {TokenState}; faults: latency {LatencyMs} ms, error rate {ErrorRate}, readiness fail {ReadinessFail}, onset {OnsetSeconds} s",
    options.ListenAddress,
    options.ListenPort,
    options.DatabasePath,
    options.Build.Version,
    options.Build.Commit,
    options.UploadToken is null ? "not required" : "required",
    options.Faults.LatencyMs,
    options.Faults.ErrorRate,
    options.Faults.ReadinessFail,
    options.Faults.OnsetSeconds);
if (options.Faults.TestOnlyAny)
{
    startupLog.Log(
        LogLevel.Warning,
        "test-only faults on: truncate large pastes {Truncate}, unknown id found {UnknownIdFound}, reflect input {Reflect}, crash on malformed id {Crash}",
        options.Faults.TruncateLargePastes,
        options.Faults.UnknownIdFound,
        options.Faults.ReflectInput,
        options.Faults.CrashOnMalformedId);
}

await app.WaitForShutdownAsync();
startupLog.Log(LogLevel.Information, "stopped");
return ExitOk;
