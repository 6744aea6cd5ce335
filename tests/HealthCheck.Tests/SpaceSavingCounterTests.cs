using Tailpaste.HealthCheck.Logs;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>The bounded top-N counter behind the log analysis's top paths.</summary>
public sealed class SpaceSavingCounterTests
{
    [Fact]
    public void Counts_are_exact_while_every_key_fits()
    {
        var counter = new SpaceSavingCounter(4);
        foreach (var key in new[] { "/b", "/a", "/b", "/c", "/b", "/a" })
        {
            counter.Add(key);
        }

        Assert.Equal([new("/b", 3), new("/a", 2), new("/c", 1)], counter.Top(10));
    }

    [Fact]
    public void Frequent_keys_survive_a_stream_of_new_keys_of_every_length()
    {
        var counter = new SpaceSavingCounter(8);
        for (var i = 0; i < 20_000; i++)
        {
            counter.Add(i % 4 == 0 ? "/" : i % 4 == 1 ? "/metrics" : new string('x', i % 300) + i);
        }

        var top = counter.Top(2);
        Assert.Equal("/", top[0].Key);
        Assert.Equal("/metrics", top[1].Key);
        Assert.InRange(top[0].Value, 5_000, 5_000 + 10_000);
    }

    [Fact]
    public void A_key_reuses_a_slot_that_held_a_longer_or_shorter_key_without_mixing_them()
    {
        var counter = new SpaceSavingCounter(1);
        counter.Add("/a-rather-long-path-that-fills-the-slot");
        counter.Add("/b");
        counter.Add("/b");
        counter.Add("/another-path-that-is-even-longer-than-the-first-one-was-by-far-so-the-buffer-grows");

        var only = Assert.Single(counter.Top(5));
        Assert.Equal("/another-path-that-is-even-longer-than-the-first-one-was-by-far-so-the-buffer-grows", only.Key);
        Assert.Equal(4, only.Value); // 3 inherited from the evicted keys, 1 its own
    }

    [Fact]
    public void Keys_longer_than_the_limit_are_counted_by_their_first_part()
    {
        var counter = new SpaceSavingCounter(4);
        var prefix = new string('p', SpaceSavingCounter.MaxKeyLength);
        counter.Add(prefix + "one");
        counter.Add(prefix + "two");

        var only = Assert.Single(counter.Top(5));
        Assert.Equal(prefix, only.Key);
        Assert.Equal(2, only.Value);
    }
}
