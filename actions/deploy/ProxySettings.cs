using System.Globalization;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy;

/// <summary>The blue-green reverse proxy: its image, the port users reach and the preview port, the two slots' loopback ports, and how long a leaving slot may drain.</summary>
/// <param name="Port">Where users reach the service through the proxy (proxy-port, else service-url's port).</param>
/// <param name="SlotPorts">The loopback ports of the blue and the green slot.</param>
public sealed record ProxySettings(string Image, int Port, int PreviewPort, (int Blue, int Green) SlotPorts, TimeSpan DrainTimeout)
{
    public static ProxySettings Bind(ActionInputs inputs, Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var drainTimeout = inputs.GetDurationInput("drain-timeout", TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var image = inputs.GetImageInput("proxy-image");
        var port = inputs.GetOptionalInput("proxy-port") is null ? serviceUrl.Port : inputs.GetIntInput("proxy-port", 1, 65535);
        var previewPort = inputs.GetIntInput("preview-port", 1, 65535);
        return new ProxySettings(image, port, previewPort, Slots(inputs, port, previewPort), drainTimeout);
    }

    private static (int Blue, int Green) Slots(ActionInputs inputs, int proxyPort, int previewPort)
    {
        var text = inputs.GetInput("slot-ports", required: true);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        const string Expected = "two different ports from 1 to 65535 separated by a comma, other than proxy-port and preview-port (such as 8081,8082)";
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var blue)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var green)
            || blue is < 1 or > 65535 || green is < 1 or > 65535 || blue == green)
        {
            throw inputs.Invalid("slot-ports", text, Expected);
        }

        if (new[] { blue, green }.Any(port => port == proxyPort || port == previewPort) || proxyPort == previewPort)
        {
            throw inputs.Invalid("slot-ports", text, $"{Expected}; proxy-port is {proxyPort}, preview-port {previewPort}");
        }

        return (blue, green);
    }
}
