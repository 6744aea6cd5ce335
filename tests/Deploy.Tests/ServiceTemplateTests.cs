using Docker.DotNet.Models;
using Tailpaste.Deploy.Containers;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Deploy.Tests;

public sealed class ServiceTemplateTests
{
    private static readonly ImageInspectResponse _oldImage = new()
    {
        Config = new DockerOCIImageConfig
        {
            Env = ["PATH=/usr/bin", "APP_VERSION=1.0.0"],
            Labels = new Dictionary<string, string> { ["org.opencontainers.image.version"] = "1.0.0" },
            Cmd = ["serve"],
        },
    };

    private static readonly ContainerInspectResponse _running = new()
    {
        Name = "/tailpaste",
        Config = new ContainerConfig
        {
            Env = ["PATH=/usr/bin", "APP_VERSION=1.0.0", "LISTEN_PORT=9000", "UPLOAD_TOKEN=t0ken"],
            Labels = new Dictionary<string, string> { ["org.opencontainers.image.version"] = "1.0.0", ["team"] = "paste", ["environment"] = "production" },
            Cmd = ["serve"],
        },
        HostConfig = new HostConfig { NetworkMode = "host", RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.Always } },
        Mounts = [new MountPoint { Type = "volume", Name = "paste-data", Destination = "/data", RW = true }],
    };

    [Fact]
    public void The_containers_own_settings_are_kept_and_the_old_images_defaults_left_to_the_new_image()
    {
        var template = ServiceTemplate.From(_running, _oldImage);

        Assert.Equal(["LISTEN_PORT=9000", "UPLOAD_TOKEN=t0ken"], template.Env);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "paste" }, template.Labels);
        Assert.Null(template.Cmd);
        Assert.Equal(["paste-data:/data"], template.Binds);
        Assert.Equal("host", template.NetworkMode);
        Assert.Equal(RestartPolicyKind.Always, template.Restart);
    }

    [Fact]
    public void Inputs_override_the_running_containers_settings()
    {
        var inputs = new ActionInputs(DeployAction.Definition.Manifest, new Dictionary<string, string>
        {
            ["env"] = "LISTEN_PORT=9100\nFEATURE=on",
            ["volumes"] = "other-data:/data",
            ["labels"] = "team=web",
            ["healthcheck"] = "none",
        });

        var template = ServiceTemplate.From(_running, _oldImage).Apply(SettingsOverrides.Bind(inputs));
        var parameters = template.ToParameters("tailpaste", "tailpaste/paste-service:2.0.0", new Dictionary<string, string> { ["environment"] = "production" });

        Assert.Equal(["UPLOAD_TOKEN=t0ken", "LISTEN_PORT=9100", "FEATURE=on"], parameters.Env);
        Assert.Equal(["other-data:/data"], parameters.HostConfig!.Binds);
        Assert.Equal("web", parameters.Labels!["team"]);
        Assert.Equal(["NONE"], parameters.Healthcheck!.Test);
        Assert.NotEqual(ServiceTemplate.Hash(parameters), ServiceTemplate.Hash(template.ToParameters("tailpaste", "tailpaste/paste-service:2.0.1", parameters.Labels!.AsReadOnly())));
    }

    [Theory]
    [InlineData("env", "1BAD=x")]
    [InlineData("env", "no-equals-sign")]
    [InlineData("ports", "8080")]
    [InlineData("ports", "70000:80")]
    [InlineData("volumes", "../etc:/data")]
    [InlineData("volumes", "data:relative")]
    [InlineData("network-mode", "host; rm -rf /")]
    public void A_bad_override_is_bad_input_naming_it(string input, string value)
    {
        var inputs = new ActionInputs(DeployAction.Definition.Manifest, new Dictionary<string, string> { [input] = value });

        var error = Assert.Throws<InputException>(() => SettingsOverrides.Bind(inputs));

        Assert.Equal(input, error.Input);
    }

    [Fact]
    public void A_bad_env_line_never_echoes_its_value()
    {
        var inputs = new ActionInputs(DeployAction.Definition.Manifest, new Dictionary<string, string> { ["env"] = "BAD NAME=hunter2" });

        var error = Assert.Throws<InputException>(() => SettingsOverrides.Bind(inputs));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
