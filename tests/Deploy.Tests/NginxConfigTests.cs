using Tailpaste.Deploy.Proxy;

namespace Tailpaste.Deploy.Tests;

public sealed class NginxConfigTests
{
    [Fact]
    public void Users_go_to_the_live_slot_and_the_preview_port_to_the_other()
    {
        var routes = NginxConfig.Routes(new ProxyRoutes(8081, 8082), 8080, 8090);

        Assert.Contains("upstream tailpaste_live { server 127.0.0.1:8081; keepalive 32; }", routes, StringComparison.Ordinal);
        Assert.Contains("server { listen 8080; location / { proxy_pass http://tailpaste_live; } }", routes, StringComparison.Ordinal);
        Assert.Contains("upstream tailpaste_preview { server 127.0.0.1:8082;", routes, StringComparison.Ordinal);
        Assert.Contains("listen 8090;", routes, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_first_cut_over_the_users_port_is_not_served_and_an_empty_preview_answers_503()
    {
        var routes = NginxConfig.Routes(new ProxyRoutes(null, null), 8080, 8090);

        Assert.DoesNotContain("listen 8080", routes, StringComparison.Ordinal);
        Assert.Contains("server { listen 8090; location / { return 503", routes, StringComparison.Ordinal);
    }

    [Fact]
    public void The_main_file_includes_the_routes_and_logs_the_fields_the_watch_reads()
    {
        var main = NginxConfig.MainConfig("/tailpaste-deploy/tailpaste/proxy");

        Assert.Contains("include /tailpaste-deploy/tailpaste/proxy/routes.conf;", main, StringComparison.Ordinal);
        Assert.Contains("escape=json", main, StringComparison.Ordinal);
        Assert.Contains("$upstream_addr", main, StringComparison.Ordinal);
        Assert.Contains("proxy_next_upstream off;", main, StringComparison.Ordinal);
    }
}
