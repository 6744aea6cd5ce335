using Tailpaste.HealthCheck.Configuration;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>health_check_config.json: the seed's keys, inputs over the file, the file over TAILPASTE_URL / STORAGE_PATH.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-health-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_seed_key_is_read()
    {
        var path = Write("""
            {
              "service_url": "http://paste.internal:8080",
              "storage_path": "/srv/tailpaste",
              "max_db_size_mb": 250,
              "response_timeout": 3,
              "critical_error_threshold": 4,
              "tailscale_check": true,
              "container_name": "paste",
              "max_response_time_ms": 900,
              "max_paste_create_time_ms": 1500
            }
            """);

        var options = Bind(new() { ["config"] = path });

        Assert.Equal(new Uri("http://paste.internal:8080"), options.ServiceUrl);
        Assert.Equal("/srv/tailpaste", options.Database.StoragePath);
        Assert.Equal(250, options.Database.MaxDbSizeMb);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ResponseTimeout);
        Assert.Equal(4, options.Logs.CriticalErrorThreshold);
        Assert.Contains("tailscale", options.Checks);
        Assert.Equal("paste", options.ContainerName);
        Assert.Equal(900, options.Service.MaxResponseTimeMs);
        Assert.Equal(1500, options.MaxPasteCreateTimeMs);
    }

    [Fact]
    public void Given_inputs_override_the_file_and_the_file_overrides_the_environment()
    {
        var path = Write("""{ "service_url": "http://from-file:1", "storage_path": "/from-file", "max_response_time_ms": 900 }""");

        var options = Bind(
            new() { ["config"] = path, ["max-response-time-ms"] = "300" },
            new() { ["TAILPASTE_URL"] = "http://from-env:2", ["STORAGE_PATH"] = "/from-env" });

        Assert.Equal(new Uri("http://from-file:1"), options.ServiceUrl);
        Assert.Equal("/from-file", options.Database.StoragePath);
        Assert.Equal(300, options.Service.MaxResponseTimeMs);
    }

    [Fact]
    public void Without_input_or_file_the_seed_variables_then_the_seed_defaults_apply()
    {
        Assert.Equal(new Uri("http://from-env:2"), Bind(new(), new() { ["TAILPASTE_URL"] = "http://from-env:2" }).ServiceUrl);
        var defaults = Bind(new());
        Assert.Equal(new Uri("http://tailpaste:8080"), defaults.ServiceUrl);
        Assert.Equal("/data", defaults.Database.StoragePath);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.ResponseTimeout);
        Assert.Equal(10, defaults.Logs.CriticalErrorThreshold);
        Assert.Equal(["service", "functionality", "container", "database", "logs"], defaults.Checks);
    }

    [Fact]
    public void An_unknown_key_is_named()
    {
        var path = Write("""{ "service_url": "http://x:1", "max_db_size": 5 }""");

        var error = Assert.Throws<InputException>(() => HealthCheckConfigFile.Load(path));

        Assert.Equal("config", error.Input);
        Assert.Contains("the key 'max_db_size' is unknown", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "max_db_size_mb": "big" }""", "'max_db_size_mb' to be a number greater than 0, not \"big\"")]
    [InlineData("""{ "tailscale_check": "yes" }""", "'tailscale_check' to be true or false")]
    [InlineData("""[1, 2]""", "a JSON object with the keys")]
    public void A_value_of_the_wrong_type_is_named(string json, string expected)
    {
        var error = Assert.Throws<InputException>(() => HealthCheckConfigFile.Load(Write(json)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, $"health_check_config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static HealthCheckOptions Bind(Dictionary<string, string> inputs, Dictionary<string, string>? environment = null) =>
        BoundOptions.From(inputs, environment);
}
