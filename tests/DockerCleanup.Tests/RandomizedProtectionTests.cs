using System.Globalization;
using System.Text;
using Docker.DotNet.Models;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;
using Xunit.Abstractions;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// The promise "never anything protected", against label variants an attacker or a careless workflow makes:
/// protected pairs written with other case and surrounding whitespace, on the resources and in protect-labels;
/// extra protect pairs; near misses that must not protect; a selector written in another case (which must not
/// select); and volumes recreated with other labels between the listing and their removal (through a proxy
/// in front of the real engine, at the first request about them after the listing). Seeded: the seed is
/// printed, and DOCKER_CLEANUP_SEED replays a run.
/// </summary>
public sealed class RandomizedProtectionTests(DockerEngineFixture engine, ITestOutputHelper output) : IClassFixture<DockerEngineFixture>
{
    private const int Rounds = 6;

    private static readonly KeyValuePair<string, string> _production = new("environment", "production");

    private static readonly KeyValuePair<string, string>[] _extraProtect = [new("keep", "true"), new("team", "critical"), new("environment", "staging")];

    // Close to a protected pair, but not one: these must not protect.
    private static readonly KeyValuePair<string, string>[] _nearMisses = [new("environment", "productions"), new("env", "production"), new("environment", "pre-production"), new("keep", "truee"), new("keeps", "true")];

    private readonly record struct Created(ResourceKind Kind, string Id);

    [Fact]
    public async Task The_cleanup_never_removes_a_protected_resource_whatever_the_spelling_of_its_labels_or_when_they_change()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DOCKER_CLEANUP_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay with DOCKER_CLEANUP_SEED={seed})");
        var random = new Random(seed);
        await using var shared = new Population(engine.Client);
        var baseImage = await shared.LoadImageAsync("protect-base", new Dictionary<string, string>());

        for (var round = 0; round < Rounds; round++)
        {
            await using var population = new Population(engine.Client);
            await using var proxy = new FaultingEngineProxy(engine.Endpoint);
            var protect = _extraProtect.Where(_ => random.Next(2) == 0).ToList();
            // Written as a careless workflow might: other case, spaces around key and value.
            var protectInput = string.Join(random.Next(2) == 0 ? "," : "\n", protect.Append(_production).Select(pair => Write(Spelling(random, pair))));
            var labels = new Dictionary<Created, Dictionary<string, string>>();

            foreach (var i in Enumerable.Range(0, 12))
            {
                var name = await population.CreateVolumeAsync("volume", RandomLabels(population, random));
                labels[new(ResourceKind.Volumes, name)] = (await engine.Client.Volumes.InspectAsync(name)).Labels!.ToDictionary();
            }

            foreach (var i in Enumerable.Range(0, 3))
            {
                var id = await population.CreateNetworkAsync("network", RandomLabels(population, random));
                labels[new(ResourceKind.Networks, id)] = (await engine.Client.Networks.InspectNetworkAsync(id)).Labels!.ToDictionary();
            }

            foreach (var i in Enumerable.Range(0, 2))
            {
                var id = await population.LoadImageAsync("image", RandomLabels(population, random));
                labels[new(ResourceKind.Images, id)] = (await engine.Client.Images.InspectImageAsync(id)).Config!.Labels!.ToDictionary();
            }

            foreach (var i in Enumerable.Range(0, 6))
            {
                var id = await population.CreateContainerAsync("container", baseImage, RandomLabels(population, random));
                labels[new(ResourceKind.Containers, id)] = (await engine.Client.Containers.InspectContainerAsync(id)).Config!.Labels!.ToDictionary();
            }

            // Some volumes the action means to remove are recreated under their name, with new labels, after the
            // listing and before its next request about them: now protected (in some spelling), no longer
            // selected, or neither.
            var protectedPairs = protect.Append(_production).ToList();
            var changed = labels.Where(l => l.Key.Kind == ResourceKind.Volumes && Selected(l.Value, population) && !Protected(l.Value, protectedPairs))
                .Select(l => l.Key).OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToList();
            foreach (var volume in changed)
            {
                var relabelled = RandomLabels(population, random);
                labels[volume] = relabelled;
                proxy.BeforeFirstRequestFor("volumes/" + volume.Id, async () =>
                {
                    await engine.Client.Volumes.RemoveAsync(volume.Id, force: true);
                    await engine.Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = volume.Id, Labels = relabelled });
                });
            }

            var run = await ActionRun.StartAsync(proxy.DockerHost, new Dictionary<string, string>
            {
                ["labels"] = $"managed-by=ci,{population.RunLabel}",
                ["protect-labels"] = protectInput,
                ["prune-dangling"] = "false",
            });

            var context = $"seed {seed}, round {round}: protect-labels [{protectInput.ReplaceLineEndings("\\n")}]\n{run}";
            Assert.True(run.ExitCode == 0, context);
            Assert.Equal(changed.Count, proxy.ChangesMade);
            var removed = new HashSet<Created>();
            foreach (var (resource, carried) in labels)
            {
                var exists = await population.ExistsAsync(resource.Kind, resource.Id);
                var isProtected = Protected(carried, protectedPairs);
                var what = $"{resource.Kind} {resource.Id} [{string.Join(", ", carried.Select(l => $"'{l.Key}={l.Value}'"))}]{(changed.Contains(resource) ? " (recreated during the run)" : string.Empty)}";
                Assert.False(isProtected && !exists, $"{context}\nremoved the protected {what}");
                Assert.False(!Selected(carried, population) && !exists, $"{context}\nremoved the unselected {what}");
                Assert.False(!isProtected && Selected(carried, population) && exists, $"{context}\nkept the selected, unprotected {what}");
                if (!exists)
                {
                    removed.Add(resource);
                }
            }

            output.WriteLine($"round {round}: {labels.Count} resources, {removed.Count} removed, {changed.Count} recreated during the run, protect-labels [{protectInput.ReplaceLineEndings("\\n")}]");
        }
    }

    // The run label always; usually the selector (sometimes in the wrong case, which must not select); often
    // a protected pair in some spelling; sometimes a near miss.
    private static Dictionary<string, string> RandomLabels(Population population, Random random)
    {
        var labels = population.Labels();
        var selection = random.Next(10);
        if (selection < 7)
        {
            labels["managed-by"] = "ci";
        }
        else if (selection < 9)
        {
            labels["managed-by"] = random.Next(2) == 0 ? "CI" : " ci";
        }

        if (random.Next(5) < 2)
        {
            var pair = random.Next(2) == 0 ? _production : _extraProtect[random.Next(_extraProtect.Length)];
            var spelt = Spelling(random, pair);
            labels[spelt.Key] = spelt.Value;
        }

        if (random.Next(4) == 0)
        {
            var miss = _nearMisses[random.Next(_nearMisses.Length)];
            labels.TryAdd(miss.Key, miss.Value);
        }

        return labels;
    }

    private static KeyValuePair<string, string> Spelling(Random random, KeyValuePair<string, string> pair) =>
        new(Pad(random, Case(random, pair.Key)), Pad(random, Case(random, pair.Value)));

    private static string Case(Random random, string text) => random.Next(4) switch
    {
        0 => text,
        1 => text.ToUpperInvariant(),
        2 => char.ToUpperInvariant(text[0]) + text[1..],
        _ => string.Concat(text.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c)),
    };

    private static string Pad(Random random, string text) => random.Next(4) switch
    {
        0 => " " + text,
        1 => text + " ",
        2 => "\t" + text + "  ",
        _ => text,
    };

    private static string Write(KeyValuePair<string, string> pair) => new StringBuilder(pair.Key).Append('=').Append(pair.Value).ToString();

    // The selector matches exactly, as written.
    private static bool Selected(Dictionary<string, string> labels, Population population) =>
        labels.TryGetValue("managed-by", out var managedBy) && managedBy == "ci"
        && labels.TryGetValue(DockerEngineFixture.TestRunLabel, out var run) && run == population.RunId;

    // The oracle for protection: trimmed, case-blind, any pair.
    private static bool Protected(Dictionary<string, string> labels, List<KeyValuePair<string, string>> protectedPairs) =>
        labels.Any(label => protectedPairs.Any(pair => Same(pair, label)));

    private static bool Same(KeyValuePair<string, string> pair, KeyValuePair<string, string> label) =>
        string.Equals(pair.Key.Trim(), label.Key.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(pair.Value.Trim(), label.Value.Trim(), StringComparison.OrdinalIgnoreCase);
}
