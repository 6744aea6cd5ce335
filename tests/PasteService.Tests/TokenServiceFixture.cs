namespace Tailpaste.PasteService.Tests;

/// <summary>A service that wants <c>Authorization: Bearer <see cref="Token"/></c> for uploads.</summary>
public sealed class TokenServiceFixture : ServiceFixture
{
    public const string Token = "s3cret-token-for-tests";

    protected override IReadOnlyDictionary<string, string?> Environment { get; } =
        new Dictionary<string, string?> { ["UPLOAD_TOKEN"] = Token };
}
