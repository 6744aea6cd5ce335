using System.Globalization;
using System.Text;

namespace Tailpaste.Deploy.Proxy;

/// <summary>
/// The proxy's configuration: a main file written once (logging, timeouts, temp paths that suit both the official
/// image and Debian's package) that includes a routes file, the only part a cut-over rewrites. Nothing in either
/// comes from user text but ports and a folder the action checked, so no input can inject a directive.
/// </summary>
public static class NginxConfig
{
    public const string MainFile = "nginx.conf";
    public const string RoutesFile = "routes.conf";

    /// <summary>A copy of the routes nginx confirmed it serves (not included by nginx; compared before a reload).</summary>
    public const string ServedRoutesFile = "routes.served";

    /// <summary>Marks the action's own probe requests in the access log, so users' requests are counted apart.</summary>
    public const string AccessLogFormat =
        "'{\"msec\":\"$msec\",\"request_time\":\"$request_time\",\"status\":\"$status\",\"upstream\":\"$upstream_addr\",\"port\":\"$server_port\",\"agent\":\"$http_user_agent\"}'";

    public static string MainConfig(string folder) => $$"""
        # Written by the Tailpaste deploy action. The routes live in {{RoutesFile}}, rewritten at each cut-over.
        worker_processes 1;
        pid /tmp/tailpaste-proxy.pid;
        error_log stderr warn;
        events { worker_connections 4096; }
        http {
            client_body_temp_path /tmp/tailpaste-proxy-body;
            proxy_temp_path /tmp/tailpaste-proxy-temp;
            fastcgi_temp_path /tmp/tailpaste-proxy-fastcgi;
            uwsgi_temp_path /tmp/tailpaste-proxy-uwsgi;
            scgi_temp_path /tmp/tailpaste-proxy-scgi;
            log_format tailpaste escape=json {{AccessLogFormat}};
            access_log /dev/stdout tailpaste;
            # The service enforces its own size limit (413); the proxy lets a little more through so it can.
            client_max_body_size 4m;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_read_timeout 300s;
            # A request the upstream failed is not sent again: a paste upload must not be stored twice.
            proxy_next_upstream off;
            include {{folder}}/{{RoutesFile}};
        }

        """;

    public static string Routes(ProxyRoutes routes, int usersPort, int previewPort)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var text = new StringBuilder("# Written by the Tailpaste deploy action: ").Append(routes).Append('\n');
        if (routes.LivePort is { } live)
        {
            text.Append(CultureInfo.InvariantCulture, $"upstream tailpaste_live {{ server 127.0.0.1:{live}; keepalive 32; }}\n");
            text.Append(CultureInfo.InvariantCulture, $"server {{ listen {usersPort}; location / {{ proxy_pass http://tailpaste_live; }} }}\n");
        }

        if (routes.PreviewPort is { } preview)
        {
            text.Append(CultureInfo.InvariantCulture, $"upstream tailpaste_preview {{ server 127.0.0.1:{preview}; keepalive 8; }}\n");
            text.Append(CultureInfo.InvariantCulture, $"server {{ listen {previewPort}; location / {{ proxy_pass http://tailpaste_preview; }} }}\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"server {{ listen {previewPort}; location / {{ return 503 \"no version in preview\\n\"; }} }}\n");
        }

        return text.ToString();
    }
}
