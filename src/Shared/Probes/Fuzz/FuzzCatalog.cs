using System.Globalization;
using System.Text;

namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>
/// The fixed, bounded set of hostile requests: path traversal, SQL and shell metacharacters, reflected markup,
/// CRLF injection, oversized headers, invalid UTF-8, huge and truncated bodies, wrong methods, plus two
/// well-formed baselines. Each is built for the service's origin (its Host and base path) and carries a
/// per-run marker, so an echo can be told from stored content. No request is larger than
/// <see cref="MaxRequestBytes"/>; there are <see cref="Build"/>'s count of them and no more.
/// </summary>
public static class FuzzCatalog
{
    /// <summary>The largest request the catalogue sends (the oversized chunked body: 1 MiB and a bit).</summary>
    public const int MaxRequestBytes = 2 * 1024 * 1024;

    /// <summary>Tailpaste's paste limit; the oversized body goes just past it.</summary>
    public const int PasteLimitBytes = 1024 * 1024;

    private static readonly HashSet<int> _notImplemented = [501];
    private static readonly HashSet<int> _versionNotSupported = [505];

    public static IReadOnlyList<FuzzCase> Build(ServiceOrigin origin, string marker)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentException.ThrowIfNullOrWhiteSpace(marker);
        var build = new Builder(origin);
        var svg = $"<svg onload={marker}>";
        var script = $"<script>{marker}</script>";
        return
        [
            build.Get("baseline-root", FuzzCategory.Baseline, string.Empty) with { ChecksSecurityHeaders = true },
            build.Get("baseline-unknown-path", FuzzCategory.Baseline, $"{marker}/nothing-here") with { ChecksSecurityHeaders = true },

            build.Get("traversal-raw", FuzzCategory.PathTraversal, "../../../../../../etc/passwd"),
            build.Get("traversal-encoded", FuzzCategory.PathTraversal, "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"),
            build.Get("traversal-encoded-slash", FuzzCategory.PathTraversal, "..%2f..%2f..%2f..%2f..%2fetc%2fpasswd"),
            build.Get("traversal-backslash", FuzzCategory.PathTraversal, "..%5c..%5c..%5c..%5cwindows%5cwin.ini"),
            build.Get("traversal-null-byte", FuzzCategory.PathTraversal, "..%2f..%2fetc%2fpasswd%00.txt"),

            build.Get("sql-quote", FuzzCategory.SqlMetacharacters, "%27%20OR%20%271%27%3D%271"),
            build.Get("sql-stacked", FuzzCategory.SqlMetacharacters, "1%3BDROP%20TABLE%20pastes%3B--"),
            build.Get("sql-union-query", FuzzCategory.SqlMetacharacters, "?id=1%27%20UNION%20SELECT%20sqlite_version()--"),

            build.Get("shell-substitution", FuzzCategory.ShellMetacharacters, "%24(id)"),
            build.Get("shell-backticks", FuzzCategory.ShellMetacharacters, "%60id%60"),
            build.Get("shell-pipe", FuzzCategory.ShellMetacharacters, "x%7Ccat%20%2Fetc%2Fpasswd"),
            build.Get("shell-semicolon-query", FuzzCategory.ShellMetacharacters, "?q=x%3Bid%3Buname%20-a"),

            build.Get("reflect-path", FuzzCategory.Reflection, Uri.EscapeDataString(svg), reflectable: svg),
            build.Get("reflect-query", FuzzCategory.Reflection, "?q=" + Uri.EscapeDataString(script), reflectable: script),
            build.Get("reflect-headers", FuzzCategory.Reflection, string.Empty, reflectable: script, headers: [$"User-Agent: {script}", $"Referer: http://{script}/", $"X-Forwarded-Host: {script}"]),

            build.Get("crlf-path", FuzzCategory.CrlfInjection, $"%0d%0aSet-Cookie:%20{marker}=1"),
            build.Get("crlf-query", FuzzCategory.CrlfInjection, $"?q=%0d%0aX-Injected:%20{marker}"),
            build.Raw("crlf-bare-cr-header", FuzzCategory.CrlfInjection, "GET", string.Empty, [$"X-Probe: a\rX-Injected: {marker}"]),
            build.Raw("crlf-bare-lf-header", FuzzCategory.CrlfInjection, "GET", string.Empty, [$"X-Probe: a\nX-Injected: {marker}"]),

            build.Get("oversized-header", FuzzCategory.OversizedHeaders, string.Empty, headers: ["X-Probe: " + new string('A', 64 * 1024)]),
            build.Get("many-headers", FuzzCategory.OversizedHeaders, string.Empty, headers: [.. Enumerable.Range(0, 500).Select(i => string.Create(CultureInfo.InvariantCulture, $"X-Probe-{i}: {new string('b', 60)}"))]),
            build.Get("oversized-url", FuzzCategory.OversizedHeaders, new string('A', 32 * 1024)),

            build.RawBytes("utf8-raw-path", FuzzCategory.InvalidUtf8, "GET", [0xC3, 0x28, 0xFF, 0xFE], headers: [], body: null),
            build.Get("utf8-encoded-path", FuzzCategory.InvalidUtf8, "%C3%28%FF%FE"),
            build.RawBytes("utf8-header", FuzzCategory.InvalidUtf8, "GET", [], headers: [[.. "X-Probe: "u8, 0xFF, 0xFE, 0xC3, 0x28]], body: null),
            build.Post("utf8-body", FuzzCategory.InvalidUtf8, [0xFF, 0xFE, 0xC3, 0x28, 0x0A]),

            build.Post("sql-body", FuzzCategory.SqlMetacharacters, Encoding.UTF8.GetBytes($"'); DROP TABLE pastes; -- {marker}\n")),
            build.Post("shell-body", FuzzCategory.ShellMetacharacters, Encoding.UTF8.GetBytes($"$(reboot) `id` | rm -rf / ; {marker}\n")),

            build.HugeDeclaredBody("huge-declared-body"),
            build.OversizedChunkedBody("oversized-chunked-body"),
            build.TruncatedBody("truncated-body"),
            build.TruncatedChunkedBody("truncated-chunked-body"),

            build.Raw("method-put", FuzzCategory.WrongMethod, "PUT", string.Empty, ["Content-Length: 0"]),
            build.Raw("method-delete", FuzzCategory.WrongMethod, "DELETE", string.Empty, []),
            build.Raw("method-patch", FuzzCategory.WrongMethod, "PATCH", string.Empty, ["Content-Length: 0"]),
            build.Raw("method-trace", FuzzCategory.WrongMethod, "TRACE", string.Empty, [$"X-Probe: {marker}"]) with { Reflectable = $"X-Probe: {marker}", ExpectedServerStatuses = _notImplemented },
            build.Raw("method-options", FuzzCategory.WrongMethod, "OPTIONS", string.Empty, []),
            build.Raw("method-unknown", FuzzCategory.WrongMethod, "FOOBAR", string.Empty, []) with { ExpectedServerStatuses = _notImplemented },
            build.Raw("protocol-unknown", FuzzCategory.WrongMethod, "GET", string.Empty, [], protocol: "HTTP/9.9") with { ExpectedServerStatuses = _versionNotSupported },
        ];
    }

    /// <summary>Writes raw requests for one origin: its Host, its base path, Connection: close.</summary>
    private sealed class Builder(ServiceOrigin origin)
    {
        private readonly string _host = origin.BaseUrl.IsDefaultPort ? origin.BaseUrl.Host : $"{origin.BaseUrl.Host}:{origin.BaseUrl.Port}";
        private readonly string _basePath = origin.BaseUrl.AbsolutePath;

        public FuzzCase Get(string name, FuzzCategory category, string pathAndQuery, string? reflectable = null, IReadOnlyList<string>? headers = null) =>
            Raw(name, category, "GET", pathAndQuery, headers ?? []) with { Reflectable = reflectable };

        public FuzzCase Raw(string name, FuzzCategory category, string method, string pathAndQuery, IReadOnlyList<string> headers, string protocol = "HTTP/1.1") =>
            new(name, category, Assemble(Encoding.Latin1.GetBytes($"{method} {_basePath}{pathAndQuery} {protocol}"), [.. headers.Select(Encoding.UTF8.GetBytes)], body: null));

        public FuzzCase RawBytes(string name, FuzzCategory category, string method, byte[] pathBytes, IReadOnlyList<byte[]> headers, byte[]? body) =>
            new(name, category, Assemble([.. Encoding.ASCII.GetBytes($"{method} {_basePath}"), .. pathBytes, .. " HTTP/1.1"u8], headers, body));

        public FuzzCase Post(string name, FuzzCategory category, byte[] body) =>
            new(name, category, Assemble(Encoding.ASCII.GetBytes($"POST {_basePath} HTTP/1.1"), ["Content-Type: text/plain; charset=utf-8"u8.ToArray(), Encoding.ASCII.GetBytes($"Content-Length: {body.Length}")], body));

        // Declares a gigabyte and sends 64 KiB of it: the server must refuse from the declared length, not wait for a gigabyte.
        public FuzzCase HugeDeclaredBody(string name) =>
            new(name, FuzzCategory.HugeBody, Assemble(Encoding.ASCII.GetBytes($"POST {_basePath} HTTP/1.1"), ["Content-Type: text/plain"u8.ToArray(), "Content-Length: 1073741824"u8.ToArray()], [.. Enumerable.Repeat((byte)'x', 64 * 1024)]));

        // Just over the paste limit in 64 KiB chunks, without a declared length: the cap must hold for streamed bodies too.
        public FuzzCase OversizedChunkedBody(string name)
        {
            var chunk = Encoding.ASCII.GetBytes($"{64 * 1024:x}\r\n{new string('y', 64 * 1024)}\r\n");
            var chunks = (PasteLimitBytes / (64 * 1024)) + 1;
            var body = new List<byte>(chunk.Length * chunks);
            for (var i = 0; i < chunks; i++)
            {
                body.AddRange(chunk);
            }

            body.AddRange("0\r\n\r\n"u8.ToArray());
            return new(name, FuzzCategory.HugeBody, Assemble(Encoding.ASCII.GetBytes($"POST {_basePath} HTTP/1.1"), ["Content-Type: text/plain"u8.ToArray(), "Transfer-Encoding: chunked"u8.ToArray()], [.. body]));
        }

        public FuzzCase TruncatedBody(string name) =>
            new(name, FuzzCategory.TruncatedBody, Assemble(Encoding.ASCII.GetBytes($"POST {_basePath} HTTP/1.1"), ["Content-Type: text/plain"u8.ToArray(), "Content-Length: 1000"u8.ToArray()], "only ten b"u8.ToArray()))
            {
                HalfClose = true,
                MayDropConnection = true,
            };

        public FuzzCase TruncatedChunkedBody(string name) =>
            new(name, FuzzCategory.TruncatedBody, Assemble(Encoding.ASCII.GetBytes($"POST {_basePath} HTTP/1.1"), ["Content-Type: text/plain"u8.ToArray(), "Transfer-Encoding: chunked"u8.ToArray()], "10\r\nabc"u8.ToArray()))
            {
                HalfClose = true,
                MayDropConnection = true,
            };

        private byte[] Assemble(byte[] requestLine, IReadOnlyList<byte[]> headers, byte[]? body)
        {
            var bytes = new List<byte>(requestLine.Length + 256 + (body?.Length ?? 0));
            bytes.AddRange(requestLine);
            bytes.AddRange("\r\n"u8.ToArray());
            bytes.AddRange(Encoding.ASCII.GetBytes($"Host: {_host}\r\n"));
            if (!headers.Any(header => header.AsSpan().StartsWith("User-Agent:"u8)))
            {
                bytes.AddRange(Encoding.ASCII.GetBytes($"User-Agent: {ProbeUserAgent.Fuzz}\r\n"));
            }

            foreach (var header in headers)
            {
                bytes.AddRange(header);
                bytes.AddRange("\r\n"u8.ToArray());
            }

            bytes.AddRange("Connection: close\r\n\r\n"u8.ToArray());
            if (body is not null)
            {
                bytes.AddRange(body);
            }

            return [.. bytes];
        }
    }
}
