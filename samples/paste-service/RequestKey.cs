namespace Tailpaste.PasteService;

/// <summary>The labels one request counter is kept under.</summary>
public readonly record struct RequestKey(string Method, string Route, int Status);
