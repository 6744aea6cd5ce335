using System.Net;
using System.Text;
using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

public sealed class ConcurrencyTests
{
    private const int Uploads = 50;

    [Fact]
    public async Task FiftyConcurrentUploads_AllSucceedAndAreReadable()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        using var client = service.CreateClient();
        var contents = Enumerable.Range(0, Uploads)
            .Select(i => $"concurrent paste {i}\nsecond line {Guid.NewGuid():N}\n")
            .ToList();

        // All requests are in flight before any is awaited; SQLite's busy timeout must queue the writers.
        var ids = await Task.WhenAll(contents.Select(content =>
            PasteContractTests.CreateAsync(client, Encoding.UTF8.GetBytes(content))));

        Assert.Equal(Uploads, ids.Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < Uploads; i++)
        {
            using var read = await client.GetAsync(new Uri($"/{ids[i]}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(contents[i], await read.Content.ReadAsStringAsync());
        }

        Assert.Equal(Uploads, PasteDatabase.CountPastes(service.DatabasePath));
    }
}
