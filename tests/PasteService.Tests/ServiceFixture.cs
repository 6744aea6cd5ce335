using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

/// <summary>One service per test class for the tests that do not care what else it has seen.</summary>
public class ServiceFixture : IAsyncLifetime
{
    private PasteServiceProcess? _service;

    public PasteServiceProcess Service => _service ?? throw new InvalidOperationException("The service has not started.");

    protected virtual IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync() => _service = await PasteServiceProcess.StartAsync(Environment);

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
