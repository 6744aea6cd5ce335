using System.Globalization;
using System.Text;
using Tailpaste.Shared.Http;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// Creates a paste, reads it back and compares the bytes. The paste URL the service answers is resolved
/// against service-url by its path, so a service behind a proxy or port mapping is still read back; a path
/// that would lead to another origin is a failure, never a request.
/// </summary>
public sealed class FunctionalityCheck : IHealthCheck
{
    public string Name => CheckNames.Functionality;

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var options = context.Options;
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"tailpaste health check {context.Time.GetUtcNow():O} {Guid.NewGuid():N}\n"));
        var create = await context.Probe.SendAsync(
            new HttpProbeRequest(HttpMethod.Post, options.ServiceUrl, options.ResponseTimeout)
            {
                Body = content,
                ContentType = "text/plain; charset=utf-8",
                BearerToken = options.UploadToken,
            },
            cancellationToken).ConfigureAwait(false);
        recorder.Measure(create.ElapsedMs, options.MaxPasteCreateTimeMs, "ms");
        recorder.Metric("create_time_ms", Math.Round(create.ElapsedMs, 1));
        recorder.Metric("create_status_code", create.StatusCode);
        if (!create.IsSuccess)
        {
            recorder.Error($"creating a paste failed: {ServiceCheck.Describe(create)}");
            return;
        }

        var answer = Encoding.UTF8.GetString(create.Body).Trim();
        if (!Uri.TryCreate(answer, UriKind.Absolute, out var pasteUrl))
        {
            recorder.Error($"creating a paste answered '{Shorten(answer)}', not a paste URL");
            return;
        }

        // The answer names the paste; only its path is used, and only on service-url's own origin.
        if (SameOriginPath.TryResolve(options.ServiceUrl, pasteUrl.PathAndQuery, out var problem) is not { } readUrl)
        {
            recorder.Error($"the service answered a paste URL that leads away from its origin ({problem}): '{Shorten(answer)}'; it was not read");
            return;
        }

        var read = await context.Probe.SendAsync(
            new HttpProbeRequest(HttpMethod.Get, readUrl, options.ResponseTimeout, content.Length + 1),
            cancellationToken).ConfigureAwait(false);
        recorder.Metric("read_time_ms", Math.Round(read.ElapsedMs, 1));
        recorder.Metric("read_status_code", read.StatusCode);
        recorder.Metric("paste_bytes", content.Length);
        if (!read.IsSuccess)
        {
            recorder.Error($"reading the paste back from {UrlCredentials.Redact(readUrl)} failed: {ServiceCheck.Describe(read)}");
            return;
        }

        if (!read.Body.AsSpan().SequenceEqual(content))
        {
            recorder.Error($"the paste read back ({read.Body.Length} bytes) differs from the one created ({content.Length} bytes)");
            return;
        }

        if (create.ElapsedMs > options.MaxPasteCreateTimeMs)
        {
            recorder.Error(string.Create(CultureInfo.InvariantCulture, $"creating a paste took {create.ElapsedMs:0} ms, over the limit of {options.MaxPasteCreateTimeMs:0} ms"));
            return;
        }

        recorder.Message = string.Create(CultureInfo.InvariantCulture, $"created and read back {content.Length} bytes, created in {create.ElapsedMs:0} ms");
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
