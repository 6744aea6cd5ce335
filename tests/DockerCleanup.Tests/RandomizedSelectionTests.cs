using System.Globalization;
using Docker.DotNet.Models;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;
using Xunit.Abstractions;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// Random label sets on a few dozen real resources per run, random selectors and protections: no resource
/// outside the selector or inside the protection is ever removed, and everything else selected is.
/// The seed is printed; set DOCKER_CLEANUP_SEED to replay a run.
/// </summary>
public sealed class RandomizedSelectionTests(DockerEngineFixture engine, ITestOutputHelper output) : IClassFixture<DockerEngineFixture>
{
    private const int Runs = 10;

    private static readonly string[][] _labelChoices =
    [
        ["environment=testing", "environment=production", "environment=staging"],
        ["managed-by=ci", "managed-by=human"],
        ["team=a", "team=b"],
        ["tailpaste.keep=true"],
    ];

    private static readonly string[] _selectorChoices = ["environment=testing", "environment=staging", "managed-by=ci", "managed-by=human", "team=a", "team=b"];

    private static readonly string[] _protectChoices = ["environment=production", "tailpaste.keep=true", "team=b", "managed-by=human"];

    [Fact]
    public async Task No_resource_outside_the_selector_or_inside_the_protection_is_ever_removed()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DOCKER_CLEANUP_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay with DOCKER_CLEANUP_SEED={seed})");
        var random = new Random(seed);
        await using var shared = new Population(engine.Client);
        var baseImage = await shared.LoadImageAsync("random-base", new Dictionary<string, string>());

        for (var run = 0; run < Runs; run++)
        {
            await using var population = new Population(engine.Client);
            var selector = Pick(random, _selectorChoices, random.Next(0, 3)).Append(population.RunLabel).ToList();
            var protect = Pick(random, _protectChoices, random.Next(1, 3)).ToList();
            await CreateRandomAsync(population, random, baseImage);
            var labels = await LabelsAsync(population);
            var before = await population.ExistingAsync();

            var result = await ActionRun.StartAsync(engine.DockerHost, new Dictionary<string, string>
            {
                ["labels"] = string.Join('\n', selector),
                ["protect-labels"] = string.Join(',', protect),
                ["prune-dangling"] = "false",
            });

            // environment=production is protected whatever the input says.
            protect = protect.Append("environment=production").Distinct().ToList();
            var context = $"seed {seed}, run {run}: selector [{string.Join(", ", selector)}], protect [{string.Join(", ", protect)}]\n{result}";
            Assert.True(result.ExitCode == 0, context);
            var removed = before.Except(await population.ExistingAsync()).ToHashSet();
            foreach (var key in removed)
            {
                var carried = labels[key];
                Assert.True(selector.All(carried.Contains), $"{context}\nremoved {key} without the selector: [{string.Join(", ", carried)}]");
                Assert.False(protect.Any(carried.Contains), $"{context}\nremoved protected {key}: [{string.Join(", ", carried)}]");
            }

            var expected = await ExpectedRemovalsAsync(population, labels, selector, protect);
            Assert.True(expected.SetEquals(removed), $"{context}\nexpected removed [{string.Join(", ", expected)}]\nactually removed [{string.Join(", ", removed)}]");
            output.WriteLine($"run {run}: {before.Count} resources, {removed.Count} removed, selector [{string.Join(", ", selector)}], protect [{string.Join(", ", protect)}]");
        }
    }

    // Mostly cheap kinds: volumes and created-not-started containers, a few networks and images.
    private static async Task CreateRandomAsync(Population population, Random random, string baseImage)
    {
        var volumes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => population.CreateVolumeAsync("random-volume", RandomLabels(population, random))));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => population.CreateNetworkAsync("random-network", RandomLabels(population, random))));
        var images = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => population.LoadImageAsync("random-image", RandomLabels(population, random))));
        var containers = Enumerable.Range(0, 11).Select(_ =>
        {
            var image = random.Next(3) == 0 ? images[random.Next(images.Length)] : baseImage;
            var volume = random.Next(3) == 0 ? volumes[random.Next(volumes.Length)] : null;
            return (image, volume, labels: RandomLabels(population, random));
        }).ToList();
        await Task.WhenAll(containers.Select(c => population.CreateContainerAsync("random-container", c.image, c.labels, c.volume)));
    }

    private static Dictionary<string, string> RandomLabels(Population population, Random random)
    {
        // Each label group is present about half the time, with a random value.
        var pairs = _labelChoices.Where(_ => random.Next(2) == 0).Select(group => group[random.Next(group.Length)]).ToArray();
        return population.Labels(pairs);
    }

    // Distinct keys: a selector naming one key with two values is bad input (nothing could match).
    private static IEnumerable<string> Pick(Random random, string[] choices, int count) =>
        choices.OrderBy(_ => random.Next()).DistinctBy(pair => pair.Split('=')[0]).Take(count).ToList();

    // The labels the engine reports (containers also carry their image's), as key=value strings.
    private static async Task<Dictionary<(ResourceKind Kind, string Id), HashSet<string>>> LabelsAsync(Population population)
    {
        var labels = new Dictionary<(ResourceKind Kind, string Id), HashSet<string>>();
        foreach (var key in population.Created.Keys)
        {
            IDictionary<string, string>? carried = key.Kind switch
            {
                ResourceKind.Containers => (await population.Client.Containers.InspectContainerAsync(key.Id)).Config?.Labels,
                ResourceKind.Networks => (await population.Client.Networks.InspectNetworkAsync(key.Id)).Labels,
                ResourceKind.Images => (await population.Client.Images.InspectImageAsync(key.Id)).Config?.Labels,
                _ => (await population.Client.Volumes.InspectAsync(key.Id)).Labels,
            };
            labels[key] = (carried ?? new Dictionary<string, string>()).Select(pair => $"{pair.Key}={pair.Value}").ToHashSet(StringComparer.Ordinal);
        }

        return labels;
    }

    // The oracle: selected and unprotected, and for images and volumes not used by a container that stays.
    private static async Task<HashSet<(ResourceKind Kind, string Id)>> ExpectedRemovalsAsync(
        Population population,
        Dictionary<(ResourceKind Kind, string Id), HashSet<string>> labels,
        List<string> selector,
        List<string> protect)
    {
        bool Goes((ResourceKind Kind, string Id) key) => selector.All(labels[key].Contains) && !protect.Any(labels[key].Contains);
        var staying = new List<ContainerInspectResponse>();
        foreach (var key in population.Created.Keys.Where(k => k.Kind == ResourceKind.Containers && !Goes(k)))
        {
            staying.Add(await population.Client.Containers.InspectContainerAsync(key.Id));
        }

        var usedImages = staying.Select(c => c.Image).ToHashSet(StringComparer.Ordinal);
        var usedVolumes = staying.SelectMany(c => c.Mounts ?? []).Where(m => m.Type == "volume").Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        return population.Created.Keys.Where(key => Goes(key) && key.Kind switch
        {
            ResourceKind.Images => !usedImages.Contains(key.Id),
            ResourceKind.Volumes => !usedVolumes.Contains(key.Id),
            _ => true,
        }).ToHashSet();
    }
}
