using System.Net;

namespace Tailpaste.PasteService;

/// <summary>The client's IP address as text, the same in the access log and in <c>source_host</c>.</summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Format(context.Connection.RemoteIpAddress);
    }

    public static string Format(IPAddress? address) =>
        address switch
        {
            null => Unknown,
            { IsIPv4MappedToIPv6: true } => address.MapToIPv4().ToString(),
            _ => address.ToString(),
        };
}
