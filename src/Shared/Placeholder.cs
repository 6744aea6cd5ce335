namespace Tailpaste.Shared;

internal static class Placeholder;
