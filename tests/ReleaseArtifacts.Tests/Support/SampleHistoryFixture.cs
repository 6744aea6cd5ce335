namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>One <see cref="SampleHistory"/> shared by the tests of a class that only read it.</summary>
public sealed class SampleHistoryFixture : IDisposable
{
    public SampleHistory History { get; } = SampleHistory.Create();

    public void Dispose() => History.Dispose();
}
