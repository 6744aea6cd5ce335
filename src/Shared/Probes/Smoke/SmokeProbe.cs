using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tailpaste.Shared.Http;

namespace Tailpaste.Shared.Probes.Smoke;

/// <summary>
/// Tailpaste's integration checks against a running service, each a named step (see <see cref="SmokeStep"/>):
/// reachable; create and retrieve a paste byte for byte; a paste of exactly the size limit accepted and read
/// back whole, one byte more refused with 413; public read without a token; 404 for an unknown id, 400 for a
/// malformed one; 403 for an upload without the token when one is configured. A step that needs an earlier
/// one is skipped when that one failed. Every request goes to the configured URL, bounded in time and size;
/// the token is only ever sent as the bearer token, and no detail contains it.
/// </summary>
public sealed class SmokeProbe(HttpProbe http)
{
    private const string TextPlain = "text/plain; charset=utf-8";
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // Well-formed for no rule of Tailpaste's: too short, and a character outside letters and digits.
    private const string MalformedId = "bad-id";

    public async Task<SmokeResult> RunAsync(SmokeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var run = new Run(http, new ServiceOrigin(options.ServiceUrl), options, cancellationToken);
        return await run.ExecuteAsync().ConfigureAwait(false);
    }

    /// <summary>One smoke run: its steps in order and what they share (the created paste's id).</summary>
    private sealed class Run(HttpProbe http, ServiceOrigin origin, SmokeOptions options, CancellationToken cancellationToken)
    {
        private readonly List<SmokeStepResult> _steps = [];
        private readonly string _runId = RandomNumberGenerator.GetHexString(8, lowercase: true);
        private double _stepMs;

        public async Task<SmokeResult> ExecuteAsync()
        {
            if (!await StepAsync(SmokeStep.Reachable, ReachableAsync).ConfigureAwait(false))
            {
                foreach (var step in SmokeStep.All.Skip(1))
                {
                    Skip(step, $"needs {SmokeStep.Reachable}");
                }

                return new SmokeResult(_steps);
            }

            var content = Encoding.UTF8.GetBytes($"tailpaste smoke {_runId}: Grüße, 日本語, 🐘\nsecond line\twith a tab\n");
            string? id = null;
            var created = await StepAsync(SmokeStep.Create, async () =>
            {
                var (detail, newId) = await CreateAsync(content, withToken: true).ConfigureAwait(false);
                id = newId;
                return detail;
            }).ConfigureAwait(false);

            if (created && id is not null)
            {
                await StepAsync(SmokeStep.Retrieve, () => ReadBackAsync(id, content, withToken: true)).ConfigureAwait(false);
                await StepAsync(SmokeStep.PublicRead, () => ReadBackAsync(id, content, withToken: false)).ConfigureAwait(false);
            }
            else
            {
                Skip(SmokeStep.Retrieve, $"needs {SmokeStep.Create}");
                Skip(SmokeStep.PublicRead, $"needs {SmokeStep.Create}");
            }

            await StepAsync(SmokeStep.MaxSize, MaxSizeAsync).ConfigureAwait(false);
            await StepAsync(SmokeStep.OverMaxSize, OverMaxSizeAsync).ConfigureAwait(false);
            await StepAsync(SmokeStep.UnknownId, UnknownIdAsync).ConfigureAwait(false);
            await StepAsync(SmokeStep.MalformedId, MalformedIdAsync).ConfigureAwait(false);
            if (string.IsNullOrEmpty(options.UploadToken))
            {
                Skip(SmokeStep.UploadWithoutToken, "no upload token configured");
            }
            else
            {
                await StepAsync(SmokeStep.UploadWithoutToken, UploadWithoutTokenAsync).ConfigureAwait(false);
            }

            return new SmokeResult(_steps);
        }

        private async Task<string> ReachableAsync()
        {
            var answer = await SendAsync(HttpMethod.Get, string.Empty).ConfigureAwait(false);
            return answer.IsSuccess
                ? $"GET / answered {answer.StatusCode}"
                : throw new SmokeStepFailure($"GET / {Describe(answer)}, expected 2xx");
        }

        private async Task<(string Detail, string Id)> CreateAsync(byte[] content, bool withToken)
        {
            var answer = await SendAsync(HttpMethod.Post, string.Empty, content, withToken).ConfigureAwait(false);
            if (answer.StatusCode != 200)
            {
                throw new SmokeStepFailure($"POST / of {content.Length} bytes {Describe(answer)}, expected 200 and the paste's URL");
            }

            return PasteLink.TryGetId(answer.Body, out var id)
                ? ($"POST / of {content.Length} bytes answered 200 with a link to paste {id}", id)
                : throw new SmokeStepFailure($"POST / answered 200 but not with a paste URL (\"{ProbeText.Excerpt(answer.Body)}\")");
        }

        private async Task<string> ReadBackAsync(string id, byte[] expected, bool withToken)
        {
            var answer = await SendAsync(HttpMethod.Get, id, withToken: withToken, maxBodyBytes: expected.Length + 1).ConfigureAwait(false);
            var who = withToken && !string.IsNullOrEmpty(options.UploadToken) ? "with the upload token" : "without a token";
            if (answer.StatusCode != 200)
            {
                throw new SmokeStepFailure($"GET /{id} {who} {Describe(answer)}, expected 200");
            }

            var difference = FirstDifference(expected, answer.Body, answer.BodyTruncated);
            return difference is null
                ? $"GET /{id} {who} returned the {expected.Length} bytes sent, byte for byte"
                : throw new SmokeStepFailure($"GET /{id} {who} answered 200 but {difference}");
        }

        private async Task<string> MaxSizeAsync()
        {
            var large = LargePaste(options.MaxPasteBytes);
            var (_, id) = await CreateAsync(large, withToken: true).ConfigureAwait(false);
            var read = await ReadBackAsync(id, large, withToken: false).ConfigureAwait(false);
            return $"a paste of exactly {options.MaxPasteBytes} bytes was accepted; {read}";
        }

        private async Task<string> OverMaxSizeAsync()
        {
            var bytes = options.MaxPasteBytes + 1;
            var answer = await SendAsync(HttpMethod.Post, string.Empty, LargePaste(bytes), withToken: true).ConfigureAwait(false);
            return answer.StatusCode == 413
                ? $"POST / of {bytes} bytes answered 413"
                : throw new SmokeStepFailure($"POST / of {bytes} bytes (one over the limit) {Describe(answer)}, expected 413");
        }

        private async Task<string> UnknownIdAsync()
        {
            var id = RandomNumberGenerator.GetString(IdAlphabet, PasteLink.IdLength);
            var answer = await SendAsync(HttpMethod.Get, id).ConfigureAwait(false);
            return answer.StatusCode == 404
                ? $"GET /{id} (no such paste) answered 404"
                : throw new SmokeStepFailure($"GET /{id} (no such paste) {Describe(answer)}, expected 404");
        }

        private async Task<string> MalformedIdAsync()
        {
            var answer = await SendAsync(HttpMethod.Get, MalformedId).ConfigureAwait(false);
            return answer.StatusCode == 400
                ? $"GET /{MalformedId} (malformed id) answered 400"
                : throw new SmokeStepFailure($"GET /{MalformedId} (malformed id) {Describe(answer)}, expected 400");
        }

        private async Task<string> UploadWithoutTokenAsync()
        {
            var answer = await SendAsync(HttpMethod.Post, string.Empty, Encoding.UTF8.GetBytes($"tailpaste smoke {_runId}: must be refused\n"), withToken: false).ConfigureAwait(false);
            return answer.StatusCode == 403
                ? "POST / without the token answered 403"
                : throw new SmokeStepFailure($"POST / without the token {Describe(answer)}, expected 403");
        }

        private async Task<HttpProbeResult> SendAsync(HttpMethod method, string path, byte[]? body = null, bool withToken = false, int maxBodyBytes = HttpProbeRequest.DefaultMaxBodyBytes)
        {
            var request = new HttpProbeRequest(method, origin.Resolve(path), options.RequestTimeout, maxBodyBytes)
            {
                Body = body,
                ContentType = body is null ? null : TextPlain,
                BearerToken = withToken ? options.UploadToken : null,
            };
            var result = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _stepMs += result.ElapsedMs;
            return result;
        }

        private async Task<bool> StepAsync(string step, Func<Task<string>> check)
        {
            _stepMs = 0;
            try
            {
                var detail = await check().ConfigureAwait(false);
                _steps.Add(new SmokeStepResult(step, SmokeStepStatus.Passed, WithoutToken(detail), Math.Round(_stepMs, 3)));
                return true;
            }
            catch (SmokeStepFailure failure)
            {
                _steps.Add(new SmokeStepResult(step, SmokeStepStatus.Failed, WithoutToken(failure.Message), Math.Round(_stepMs, 3)));
                return false;
            }
        }

        // A hostile or broken service could echo the Authorization header into a body that a detail quotes.
        private string WithoutToken(string detail) => string.IsNullOrEmpty(options.UploadToken)
            ? detail
            : detail.Replace(options.UploadToken, "***", StringComparison.Ordinal);

        private void Skip(string step, string reason) => _steps.Add(new SmokeStepResult(step, SmokeStepStatus.Skipped, reason, 0));

        // ASCII lines numbered from 1, unique to this run, cut to exactly the size asked for.
        private byte[] LargePaste(int size)
        {
            var text = new StringBuilder(size + 64);
            for (var line = 1; text.Length < size; line++)
            {
                text.Append(CultureInfo.InvariantCulture, $"tailpaste smoke {_runId} line {line:D7}\n");
            }

            return Encoding.ASCII.GetBytes(text.ToString(0, size));
        }

        private static string Describe(HttpProbeResult answer) => answer.Failure == HttpProbeFailure.None
            ? $"answered {answer.StatusCode} (\"{ProbeText.Excerpt(answer.Body)}\")"
            : $"got no answer ({answer.Failure}: {ProbeText.Excerpt(answer.Error ?? string.Empty)})";

        private static string? FirstDifference(byte[] expected, byte[] actual, bool longer)
        {
            var common = Math.Min(expected.Length, actual.Length);
            var index = expected.AsSpan(0, common).CommonPrefixLength(actual.AsSpan(0, common));
            if (index < common)
            {
                return $"the content differs from what was sent at byte {index}";
            }

            if (actual.Length < expected.Length)
            {
                return $"returned only {actual.Length} of the {expected.Length} bytes sent (cut short)";
            }

            return longer || actual.Length > expected.Length
                ? $"returned more than the {expected.Length} bytes sent"
                : null;
        }
    }
}
