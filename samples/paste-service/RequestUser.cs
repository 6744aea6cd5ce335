namespace Tailpaste.PasteService;

/// <summary>The identity a request was accepted under, handed from the endpoint to the access log.</summary>
public static class RequestUser
{
    private static readonly object _key = new();

    public static void Set(HttpContext context, string user)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[_key] = user;
    }

    public static string? Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(_key, out var user) ? user as string : null;
    }
}
