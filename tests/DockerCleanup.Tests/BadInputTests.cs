using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>Bad input stops the action with exit 2 and a message naming the input, the value and what was expected, before anything is removed.</summary>
public sealed class BadInputTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Theory]
    [InlineData("labels", "=x", "has an empty key")]
    [InlineData("labels", "a==b", "more than one '='")]
    [InlineData("protect-labels", "environment", "has no '='")]
    [InlineData("resources", "containers, pods", "'pods' is not one of them")]
    [InlineData("older-than", "3 days", "seconds (such as 10 or 0.5) or a whole number with a unit ms, s, m, h, d or w")]
    [InlineData("stop-timeout", "soon", "seconds (such as 10 or 0.5)")]
    [InlineData("prune-dangling", "yes", "true or false")]
    [InlineData("docker-host", "ssh://prod", "unix:///absolute/path")]
    public async Task Bad_input_exits_2_names_input_value_and_expectation_and_removes_nothing(string input, string value, string expected)
    {
        await using var population = new Population(engine.Client);
        var (selector, created) = await CreateSelectedAsync(population);

        var run = await ActionRun.StartAsync(engine.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = selector,
            ["prune-dangling"] = "false",
            [input] = value,
        });

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Input '{input}' has the value '{value}'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Outputs);
        Assert.Null(run.Report);
        Assert.Equal(created, await population.ExistingAsync());
    }

    [Theory]
    [InlineData("docker-host")]
    [InlineData("DOCKER_HOST")]
    public async Task An_engine_that_does_not_answer_exits_2_naming_where_the_address_came_from(string source)
    {
        await using var population = new Population(engine.Client);
        var (selector, created) = await CreateSelectedAsync(population);
        var dead = $"unix:///tmp/docker-cleanup-{Guid.NewGuid():N}/docker.sock";
        var inputs = new Dictionary<string, string> { ["labels"] = selector };
        if (source == "docker-host")
        {
            inputs["docker-host"] = dead;
        }

        var run = await ActionRun.StartAsync(source == "DOCKER_HOST" ? dead : engine.DockerHost, inputs);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Input '{source}' has the value '{dead}': expected a Docker engine that answers", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Outputs);
        Assert.Equal(created, await population.ExistingAsync());
    }

    [Fact]
    public async Task A_closed_tcp_port_is_an_engine_that_does_not_answer()
    {
        var run = await ActionRun.StartAsync(null, new Dictionary<string, string> { ["docker-host"] = "tcp://127.0.0.1:1" });

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Input 'docker-host' has the value 'tcp://127.0.0.1:1'", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prune-dangling", "0")]
    [InlineData("prune-dangling", "1")]
    [InlineData("prune-dangling", "no")]
    [InlineData("dry-run", "yes")]
    [InlineData("dry-run", "on")]
    [InlineData("dry-run", "1")]
    [InlineData("fail-on-error", "off")]
    [InlineData("fail-on-error", "0")]
    [InlineData("fail-on-error", "truee")]
    public async Task A_boolean_input_takes_only_true_or_false_and_anything_else_removes_nothing(string input, string value)
    {
        await using var population = new Population(engine.Client);
        // Volumes only: pruning never reaches them, so a misread prune-dangling cannot touch the shared engine.
        var volume = await population.CreateVolumeAsync("volume", population.Labels("environment=testing", "managed-by=ci"));

        var run = await ActionRun.StartAsync(engine.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}",
            ["resources"] = "volumes",
            [input] = value,
        });

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Input '{input}' has the value '{value}': expected true or false", run.Stdout, StringComparison.Ordinal);
        Assert.Null(run.Report);
        Assert.True(await population.ExistsAsync(ResourceKind.Volumes, volume), "the selected volume is still there");
    }

    [Theory]
    [InlineData("--prune-dangling", "0")]
    [InlineData("--prune-dangling", "yes")]
    [InlineData("--dry-run", "no")]
    public async Task On_the_command_line_a_word_after_a_switch_is_its_value_and_only_true_or_false_is_accepted(string flag, string value)
    {
        await using var population = new Population(engine.Client);
        var volume = await population.CreateVolumeAsync("volume", population.Labels("environment=testing", "managed-by=ci"));

        var run = await ActionRun.StartAsync(
            engine.DockerHost,
            new Dictionary<string, string> { ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}", ["resources"] = "volumes" },
            [flag, value]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Input '{flag[2..]}' has the value '{value}': expected true or false", run.Stdout, StringComparison.Ordinal);
        Assert.Null(run.Report);
        Assert.True(await population.ExistsAsync(ResourceKind.Volumes, volume), "the selected volume is still there");
    }

    [Theory]
    [InlineData("labels")]
    [InlineData("protect-labels")]
    [InlineData("resources")]
    public async Task An_input_given_empty_inside_a_run_is_bad_input_never_its_default(string input)
    {
        await using var population = new Population(engine.Client);
        // Carries the default selector, so a run that fell back to it would remove (here: list as would_remove) them.
        var (selector, created) = await CreateSelectedAsync(population);
        var inputs = new Dictionary<string, string> { ["labels"] = selector, ["prune-dangling"] = "false", ["dry-run"] = "true", [input] = string.Empty };

        var run = await ActionRun.StartAsync(engine.DockerHost, inputs);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Input '{input}' has the value '': expected", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("it was given empty", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Outputs);
        Assert.Null(run.Report);
        Assert.Equal(created, await population.ExistingAsync());
    }

    [Theory]
    [InlineData("folder", "it is a folder")]
    [InlineData("under-a-file", "is not a folder")]
    [InlineData("proc", "no file can be created in /proc")]
    [InlineData("fifo", "it is not a regular file")]
    [InlineData("symlink", "it is a symbolic link")]
    [InlineData("long-name", "a name in the path has 300 bytes and the system takes at most 255")]
    public async Task A_report_path_that_cannot_be_written_is_exit_2_before_anything_is_removed(string kind, string problem)
    {
        await using var population = new Population(engine.Client);
        var (selector, created) = await CreateSelectedAsync(population);
        var folder = Directory.CreateTempSubdirectory("docker-cleanup-report-").FullName;
        try
        {
            var file = Path.Combine(folder, "a-file");
            await File.WriteAllTextAsync(file, "not a folder");
            var link = Path.Combine(folder, "link.json");
            File.CreateSymbolicLink(link, file);
            // A FIFO of the test's own, not /dev/null: a write that replaced the path would replace the test's file, not the machine's device.
            var fifo = Path.Combine(folder, "fifo.json");
            Fifo.Create(fifo);

            var reportPath = kind switch
            {
                "folder" => folder,
                "under-a-file" => Path.Combine(file, "report.json"),
                "proc" => $"/proc/docker-cleanup-{Guid.NewGuid():N}",
                "fifo" => fifo,
                "long-name" => Path.Combine(folder, new string('r', 300)),
                _ => link,
            };

            var run = await ActionRun.StartAsync(engine.DockerHost, new Dictionary<string, string>
            {
                ["labels"] = selector,
                ["prune-dangling"] = "false",
                ["report-path"] = reportPath,
            });

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains($"Input 'report-path' has the value '{reportPath}': expected a path where a file can be written", run.Stdout, StringComparison.Ordinal);
            Assert.Contains(problem, run.Stdout, StringComparison.Ordinal);
            Assert.Empty(run.Outputs);
            Assert.Equal(created, await population.ExistingAsync());
            Assert.Equal("not a folder", await File.ReadAllTextAsync(file));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A volume and a container the selector would remove, had the input been good.
    private static async Task<(string Selector, HashSet<(ResourceKind Kind, string Id)> Created)> CreateSelectedAsync(Population population)
    {
        var labels = population.Labels("environment=testing", "managed-by=ci");
        await population.CreateVolumeAsync("volume", labels);
        var image = await population.LoadImageAsync("image", labels);
        await population.CreateContainerAsync("container", image, labels);
        var created = await population.ExistingAsync();
        Assert.Equal(3, created.Count);
        return ($"environment=testing,managed-by=ci,{population.RunLabel}", created);
    }
}
