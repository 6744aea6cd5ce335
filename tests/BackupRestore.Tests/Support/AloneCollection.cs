namespace Tailpaste.BackupRestore.Tests.Support;

/// <summary>Tests that measure latency run in this collection: after the others, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
