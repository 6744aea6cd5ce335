namespace Tailpaste.PasteService;

/// <summary>The body of /version: <c>{"version":"1.4.0","commit":"3f2c9ab"}</c>.</summary>
public sealed record VersionResponse(string Version, string Commit);
