using System.Globalization;
using System.Net;

namespace Tailpaste.PasteService;

/// <summary>
/// Turns configuration variables into <see cref="PasteServiceOptions"/>. It is handed a
/// lookup function instead of reading the environment itself, so only Program touches it.
/// </summary>
public static class OptionsParser
{
    public const string ListenAddressVariable = "LISTEN_ADDRESS";
    public const string ListenPortVariable = "LISTEN_PORT";
    public const string StoragePathVariable = "STORAGE_PATH";
    public const string UploadTokenVariable = "UPLOAD_TOKEN";
    public const string AppVersionVariable = "APP_VERSION";
    public const string GitCommitVariable = "GIT_COMMIT";
    public const string FaultLatencyVariable = "FAULT_LATENCY_MS";
    public const string FaultErrorRateVariable = "FAULT_ERROR_RATE";
    public const string FaultReadinessVariable = "FAULT_READINESS_FAIL";
    public const string FaultOnsetVariable = "FAULT_ONSET_SECONDS";
    public const string FaultTruncateVariable = "FAULT_TRUNCATE_LARGE_PASTES";
    public const string FaultUnknownIdVariable = "FAULT_UNKNOWN_ID_FOUND";
    public const string FaultReflectVariable = "FAULT_REFLECT_INPUT";
    public const string FaultCrashVariable = "FAULT_CRASH_ON_MALFORMED_ID";

    public const string DefaultListenAddress = "0.0.0.0";
    public const int DefaultListenPort = 8080;
    public const string DefaultStoragePath = "/data";

    /// <summary>Ten minutes: long enough for any test, short enough to catch a unit mix-up.</summary>
    public const int MaxFaultLatencyMs = 600_000;

    /// <summary>A day: a deploy's verify window is minutes long.</summary>
    public const int MaxFaultOnsetSeconds = 86_400;

    public static OptionsParseResult Parse(Func<string, string?> lookup, BuildInfo assemblyBuild)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(assemblyBuild);
        var errors = new List<string>();

        var listenAddress = ValueOrDefault(lookup, ListenAddressVariable, DefaultListenAddress);
        if (!IPAddress.TryParse(listenAddress, out _))
        {
            errors.Add(Invalid(ListenAddressVariable, listenAddress, "an IP address such as 0.0.0.0 or 127.0.0.1"));
        }

        var listenPort = DefaultListenPort;
        var portText = lookup(ListenPortVariable);
        if (!string.IsNullOrWhiteSpace(portText)
            && (!int.TryParse(portText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out listenPort)
                || listenPort is < 1 or > 65535))
        {
            errors.Add(Invalid(ListenPortVariable, portText, "a TCP port number from 1 to 65535"));
        }

        var storagePath = ValueOrDefault(lookup, StoragePathVariable, DefaultStoragePath);
        if (!Path.IsPathFullyQualified(storagePath))
        {
            errors.Add(Invalid(StoragePathVariable, storagePath, "an absolute directory path"));
        }

        // An empty UPLOAD_TOKEN counts as unset: `-e UPLOAD_TOKEN=` should not lock everyone out.
        var uploadToken = lookup(UploadTokenVariable);
        if (string.IsNullOrEmpty(uploadToken))
        {
            uploadToken = null;
        }

        var build = new BuildInfo(
            ValueOrDefault(lookup, AppVersionVariable, assemblyBuild.Version),
            ValueOrDefault(lookup, GitCommitVariable, assemblyBuild.Commit));

        var latencyMs = 0;
        var latencyText = lookup(FaultLatencyVariable);
        if (!string.IsNullOrWhiteSpace(latencyText)
            && (!int.TryParse(latencyText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out latencyMs)
                || latencyMs > MaxFaultLatencyMs))
        {
            errors.Add(Invalid(FaultLatencyVariable, latencyText, $"whole milliseconds from 0 to {MaxFaultLatencyMs}"));
        }

        var errorRate = 0d;
        var rateText = lookup(FaultErrorRateVariable);
        if (!string.IsNullOrWhiteSpace(rateText)
            && (!double.TryParse(rateText.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out errorRate)
                || errorRate is < 0 or > 1))
        {
            errors.Add(Invalid(FaultErrorRateVariable, rateText, "a share from 0 to 1 such as 0.25"));
        }

        var onsetSeconds = 0;
        var onsetText = lookup(FaultOnsetVariable);
        if (!string.IsNullOrWhiteSpace(onsetText)
            && (!int.TryParse(onsetText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out onsetSeconds)
                || onsetSeconds > MaxFaultOnsetSeconds))
        {
            errors.Add(Invalid(FaultOnsetVariable, onsetText, $"whole seconds from 0 to {MaxFaultOnsetSeconds}"));
        }

        var readinessFail = Switch(lookup, FaultReadinessVariable, errors);
        var truncate = Switch(lookup, FaultTruncateVariable, errors);
        var unknownIdFound = Switch(lookup, FaultUnknownIdVariable, errors);
        var reflect = Switch(lookup, FaultReflectVariable, errors);
        var crash = Switch(lookup, FaultCrashVariable, errors);

        if (errors.Count > 0)
        {
            return new OptionsParseResult(null, errors);
        }

        var options = new PasteServiceOptions(
            listenAddress,
            listenPort,
            storagePath,
            uploadToken,
            build,
            new FaultOptions(latencyMs, errorRate, readinessFail)
            {
                OnsetSeconds = onsetSeconds,
                TruncateLargePastes = truncate,
                UnknownIdFound = unknownIdFound,
                ReflectInput = reflect,
                CrashOnMalformedId = crash,
            });
        return new OptionsParseResult(options, []);
    }

    private static string ValueOrDefault(Func<string, string?> lookup, string name, string fallback)
    {
        var value = lookup(name);
        return string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
    }

    private static bool Switch(Func<string, string?> lookup, string name, List<string> errors)
    {
        var text = lookup(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (!TryParseSwitch(text, out var value))
        {
            errors.Add(Invalid(name, text, "true or false (also 1/0, yes/no)"));
        }

        return value;
    }

    private static bool TryParseSwitch(string text, out bool value)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES" or "ON":
                value = true;
                return true;
            case "FALSE" or "0" or "NO" or "OFF":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static string Invalid(string name, string value, string expected) =>
        $"{name}=\"{value}\" is not valid: expected {expected}.";
}
