using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Tailpaste.TestKit.Processes;

namespace Tailpaste.TestKit;

/// <summary>
/// The real sample paste service as a child process on a free 127.0.0.1 port, with its own
/// storage folder, started and awaited until /healthz answers, and killed on dispose.
/// Its stdout (access lines and event lines) and stderr are captured line by line.
/// </summary>
public sealed class PasteServiceProcess : IAsyncDisposable
{
    public const string DatabaseFileName = "pastes.db";

    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The fixture's own requests (the /healthz wait) carry this User-Agent, so tests can tell them apart.</summary>
    public const string FixtureUserAgent = "tailpaste-testkit-fixture";

    // Another process can take the free port between our check and the service's bind; try again then.
    private const int PortAttempts = 5;
    private const string BindFailureMarker = "cannot listen on";

    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly bool _ownsStorage;
    private int _disposed;

    private PasteServiceProcess(Process process, int port, string storagePath, bool ownsStorage, PasteServiceOutput output, PasteServiceOutput errors)
    {
        _process = process;
        _ownsStorage = ownsStorage;
        Port = port;
        StoragePath = storagePath;
        Output = output;
        Errors = errors;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>, with the trailing slash.</summary>
    public Uri BaseUrl { get; }

    public int Port { get; }

    public string StoragePath { get; }

    public string DatabasePath => Path.Combine(StoragePath, DatabaseFileName);

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output: access lines and event lines, one per line.</summary>
    public PasteServiceOutput Output { get; }

    /// <summary>Standard error (configuration errors).</summary>
    public PasteServiceOutput Errors { get; }

    /// <summary>
    /// Starts the service and waits until /healthz answers 200.
    /// </summary>
    /// <param name="environment">Variables for the service (fault switches, UPLOAD_TOKEN, APP_VERSION...); a null value removes one.</param>
    /// <param name="storagePath">An existing storage folder to use (kept on dispose); by default a new temp folder (deleted on dispose).</param>
    /// <param name="startTimeout">How long to wait for /healthz; <see cref="DefaultStartTimeout"/> by default.</param>
    public static async Task<PasteServiceProcess> StartAsync(
        IReadOnlyDictionary<string, string?>? environment = null,
        string? storagePath = null,
        TimeSpan? startTimeout = null)
    {
        var ownsStorage = storagePath is null;
        storagePath ??= Path.Combine(Path.GetTempPath(), $"tailpaste-paste-{Guid.NewGuid():N}");
        Directory.CreateDirectory(storagePath);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var port = DockerEngineFixture.FreeLoopbackPort();
                var candidate = Launch(environment ?? new Dictionary<string, string?>(), storagePath, ownsStorage, port);
                try
                {
                    await candidate.WaitUntilHealthyAsync(startTimeout ?? DefaultStartTimeout);
                    return candidate;
                }
                catch (PasteServiceStartException ex) when (ex.PortTaken && attempt < PortAttempts)
                {
                    await candidate.KillAsync();
                }
                catch
                {
                    await candidate.KillAsync();
                    throw;
                }
            }
        }
        catch
        {
            if (ownsStorage)
            {
                DeleteQuietly(storagePath);
            }

            throw;
        }
    }

    /// <summary>A client for this service; with <paramref name="bearerToken"/> it sends <c>Authorization: Bearer</c>.</summary>
    public HttpClient CreateClient(string? bearerToken = null)
    {
        // No proxy: whatever HTTP_PROXY says, the service is on loopback.
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }, disposeHandler: true)
        {
            BaseAddress = BaseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    /// <summary>Parsed access lines written so far (event lines are skipped).</summary>
    public IReadOnlyList<PasteServiceAccessLogLine> AccessLog() =>
        [.. Output.Lines.Select(line => PasteServiceAccessLogLine.TryParse(line, out var entry) ? entry : null).OfType<PasteServiceAccessLogLine>()];

    /// <summary>
    /// Stops the service the way Docker does (SIGTERM), so it shuts down cleanly and SQLite
    /// folds the WAL into the database file; kills it when it overruns <paramref name="grace"/>.
    /// </summary>
    /// <returns>The exit code.</returns>
    public async Task<int> StopAsync(TimeSpan? grace = null)
    {
        if (!_process.HasExited)
        {
            await ToolProcess.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

            using var wait = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await KillAsync();
        _process.Dispose();
        if (_ownsStorage)
        {
            DeleteQuietly(StoragePath);
        }
    }

    private static PasteServiceProcess Launch(IReadOnlyDictionary<string, string?> environment, string storagePath, bool ownsStorage, int port)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LISTEN_ADDRESS"] = "127.0.0.1",
            ["LISTEN_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["STORAGE_PATH"] = storagePath,
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        var output = new PasteServiceOutput();
        var errors = new PasteServiceOutput();
        var process = new Process { StartInfo = PasteServiceLauncher.CreateStartInfo(variables, []) };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => errors.Add(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PasteServiceProcess(process, port, storagePath, ownsStorage, output, errors);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }, disposeHandler: true)
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(FixtureUserAgent);
        var health = new Uri(BaseUrl, "healthz");
        var deadline = Stopwatch.StartNew();
        string lastProblem = "no answer yet";
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                var all = Output.Text + "\n" + Errors.Text;
                throw new PasteServiceStartException(
                    $"The paste service exited with code {_process.ExitCode} before it was healthy. Output:\n{all}",
                    portTaken: all.Contains(BindFailureMarker, StringComparison.Ordinal));
            }

            try
            {
                using var response = await client.GetAsync(health);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastProblem = $"/healthz answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                lastProblem = ex.Message;
            }
            catch (TaskCanceledException ex)
            {
                lastProblem = ex.Message;
            }

            await Task.Delay(_pollInterval);
        }

        throw new PasteServiceStartException(
            $"The paste service on {BaseUrl} was not healthy within {timeout.TotalSeconds:0} s ({lastProblem}). Output:\n{Output.Text}\n{Errors.Text}",
            portTaken: false);
    }

    private async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing left to stop.
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the test over it is not.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: leave it to the OS's temp cleanup.
        }
    }
}
