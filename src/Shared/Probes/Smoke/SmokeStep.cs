namespace Tailpaste.Shared.Probes.Smoke;

/// <summary>The smoke probe's steps, in the order they run; a result names the step that failed by these names.</summary>
public static class SmokeStep
{
    /// <summary><c>GET /</c> answers 2xx.</summary>
    public const string Reachable = "reachable";

    /// <summary><c>POST /</c> stores a paste and answers its URL.</summary>
    public const string Create = "create";

    /// <summary><c>GET /{id}</c> of that paste, as the uploader (with the token when one is configured), returns it byte for byte.</summary>
    public const string Retrieve = "retrieve";

    /// <summary>The same read without any <c>Authorization</c> header: reads are public.</summary>
    public const string PublicRead = "public-read";

    /// <summary>A paste of exactly the size limit (1 MiB) is accepted and read back byte for byte.</summary>
    public const string MaxSize = "max-size";

    /// <summary>One byte more is refused with 413.</summary>
    public const string OverMaxSize = "over-max-size";

    /// <summary>A well-formed id that does not exist answers 404.</summary>
    public const string UnknownId = "unknown-id";

    /// <summary>A malformed id answers 400.</summary>
    public const string MalformedId = "malformed-id";

    /// <summary>With an upload token configured, an upload without it answers 403.</summary>
    public const string UploadWithoutToken = "upload-without-token";

    public static IReadOnlyList<string> All { get; } =
        [Reachable, Create, Retrieve, PublicRead, MaxSize, OverMaxSize, UnknownId, MalformedId, UploadWithoutToken];
}
