using System.Text;
using Tailpaste.Shared.Probes;
using Tailpaste.Shared.Probes.Fuzz;

namespace Tailpaste.Shared.Tests.Probes.Fuzz;

public sealed class FuzzCatalogTests
{
    private static readonly IReadOnlyList<FuzzCase> _cases = FuzzCatalog.Build(new ServiceOrigin(new Uri("http://paste.example:8080/tailpaste/")), "tpfzmarker");

    [Fact]
    public void Catalog_CoversEveryCategory_WithUniqueNames()
    {
        Assert.Equal(Enum.GetValues<FuzzCategory>().Order(), _cases.Select(c => c.Category).Distinct().Order());
        Assert.Equal(_cases.Count, _cases.Select(c => c.Name).Distinct().Count());
        Assert.InRange(_cases.Count, 20, 60);
    }

    [Fact]
    public void EveryRequest_IsBoundedInSize_AndAddressedToTheConfiguredHostAndBasePath()
    {
        Assert.All(_cases, c =>
        {
            Assert.InRange(c.Request.Length, 1, FuzzCatalog.MaxRequestBytes);
            var text = Encoding.Latin1.GetString(c.Request);
            Assert.Contains("\r\nHost: paste.example:8080\r\n", text, StringComparison.Ordinal);
            Assert.Contains("\r\nConnection: close\r\n\r\n", text, StringComparison.Ordinal);
            Assert.Equal(1, CountOf(text, "\r\nHost:"));
            var requestTarget = text[..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ')[1];
            Assert.StartsWith("/tailpaste/", requestTarget, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Catalog_HasTheHostileShapesTheIssueNames()
    {
        var text = _cases.ToDictionary(c => c.Name, c => Encoding.Latin1.GetString(c.Request));
        Assert.Contains(_cases, c => c.Category == FuzzCategory.OversizedHeaders && c.Request.Length > 64 * 1024);
        Assert.Contains("a\rX-Injected", text["crlf-bare-cr-header"], StringComparison.Ordinal);
        Assert.Contains("\u00C3(\u00FF\u00FE", text["utf8-raw-path"], StringComparison.Ordinal);
        Assert.Contains("Content-Length: 1073741824", text["huge-declared-body"], StringComparison.Ordinal);
        Assert.True(_cases.Single(c => c.Name == "truncated-body").HalfClose);
        Assert.Contains(_cases, c => c.Category == FuzzCategory.HugeBody && c.Request.Length > FuzzCatalog.PasteLimitBytes);
        Assert.StartsWith("TRACE ", text["method-trace"], StringComparison.Ordinal);
        Assert.All(_cases.Where(c => c.Category == FuzzCategory.Reflection), c => Assert.Contains("tpfzmarker", c.Reflectable, StringComparison.Ordinal));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
