using System.Text;
using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>
/// The rules that turn one case's answer into findings. HIGH: a 5xx (other than the right answer to the
/// request, e.g. 501 to an unknown method), no answer (refused, reset, closed, timed out), the planted payload
/// back unescaped in the body or the run's marker in a response header, a body that looks like a system file
/// or command output. Missing security headers are collected across the well-formed cases (MEDIUM).
/// </summary>
public static partial class FuzzInspector
{
    /// <summary>The headers a browser-facing answer must carry; CSP stands in for X-Frame-Options when it has frame-ancestors.</summary>
    public static IReadOnlyList<string> SecurityHeaders { get; } = ["X-Content-Type-Options", "X-Frame-Options or Content-Security-Policy", "Referrer-Policy"];

    public static IEnumerable<FuzzFinding> Inspect(FuzzCase fuzzCase, RawHttpResponse answer, string marker)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        ArgumentNullException.ThrowIfNull(answer);
        var name = fuzzCase.Name;
        switch (answer.Outcome)
        {
            case RawExchangeOutcome.Timeout:
                yield return new(FuzzSeverity.High, FuzzFindingKind.Hang, name, $"no complete answer: {answer.Error}");
                yield break;
            case RawExchangeOutcome.Closed or RawExchangeOutcome.Reset when fuzzCase.MayDropConnection:
                yield break;
            case RawExchangeOutcome.Closed or RawExchangeOutcome.Reset:
                yield return new(FuzzSeverity.High, FuzzFindingKind.Crash, name, $"the connection ended without an answer ({answer.Outcome.ToString().ToLowerInvariant()}: {answer.Error})");
                yield break;
            case RawExchangeOutcome.ConnectFailed:
                yield return new(FuzzSeverity.High, FuzzFindingKind.Crash, name, $"no connection: the service stopped accepting ({answer.Error})");
                yield break;
        }

        if (answer.Status is >= 500 and <= 599 && !fuzzCase.ExpectedServerStatuses.Contains(answer.Status.Value))
        {
            yield return new(FuzzSeverity.High, FuzzFindingKind.ServerError, name, $"answered {answer.Status} (\"{ProbeText.Excerpt(answer.Body)}\")");
        }

        var body = Encoding.UTF8.GetString(answer.Body);
        if (fuzzCase.Reflectable is { } planted && body.Contains(planted, StringComparison.Ordinal))
        {
            yield return new(FuzzSeverity.High, FuzzFindingKind.ReflectedPayload, name, $"the payload \"{ProbeText.Excerpt(planted)}\" came back unescaped in a {answer.Status} answer ({answer.Header("Content-Type") ?? "no Content-Type"})");
        }

        foreach (var (header, value) in answer.Headers)
        {
            if (header.Contains(marker, StringComparison.Ordinal) || value.Contains(marker, StringComparison.Ordinal))
            {
                yield return new(FuzzSeverity.High, FuzzFindingKind.InjectedHeader, name, $"the request's payload became the response header \"{ProbeText.Excerpt($"{header}: {value}")}\"");
            }
        }

        if (DisclosurePattern().Match(body) is { Success: true } leak)
        {
            yield return new(FuzzSeverity.High, FuzzFindingKind.Disclosure, name, $"the body looks like a system file or command output (\"{ProbeText.Excerpt(leak.Value)}\")");
        }
    }

    /// <summary>The security headers missing from <paramref name="answer"/> (empty when all are there).</summary>
    public static IEnumerable<string> MissingSecurityHeaders(RawHttpResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!string.Equals(answer.Header("X-Content-Type-Options"), "nosniff", StringComparison.OrdinalIgnoreCase))
        {
            yield return SecurityHeaders[0];
        }

        var framing = answer.Header("X-Frame-Options") is { Length: > 0 }
            || (answer.Header("Content-Security-Policy") ?? string.Empty).Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase);
        if (!framing)
        {
            yield return SecurityHeaders[1];
        }

        if (answer.Header("Referrer-Policy") is not { Length: > 0 })
        {
            yield return SecurityHeaders[2];
        }
    }

    // /etc/passwd lines, id(1) and uname(1) output, win.ini sections.
    [GeneratedRegex(@"root:[^:\n]*:0:0:|uid=\d+\([^)]*\) gid=\d+|Linux \S+ \d+\.\d+\.\d+|\[(?:fonts|extensions|boot loader)\]", RegexOptions.CultureInvariant)]
    private static partial Regex DisclosurePattern();
}
