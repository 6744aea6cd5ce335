namespace Tailpaste.PasteService;

/// <summary>The text <c>PasteService --help</c> prints.</summary>
public static class Usage
{
    public static string Text { get; } = $"""
        Tailpaste sample paste service.

        Usage:
          dotnet PasteService.dll            run the service
          dotnet PasteService.dll --probe    exit 0 when the running service's /healthz answers 200, else 1
          dotnet PasteService.dll --help     show this text

        Configuration (environment variables):
          {OptionsParser.ListenAddressVariable,-22}address to bind (default {OptionsParser.DefaultListenAddress})
          {OptionsParser.ListenPortVariable,-22}TCP port, 1-65535 (default {OptionsParser.DefaultListenPort})
          {OptionsParser.StoragePathVariable,-22}directory holding {PasteServiceOptions.DatabaseFileName} (default {OptionsParser.DefaultStoragePath})
          {OptionsParser.UploadTokenVariable,-22}when set, POST / needs "Authorization: Bearer <token>"
          {OptionsParser.AppVersionVariable,-22}version reported by /version (default: the assembly's)
          {OptionsParser.GitCommitVariable,-22}commit reported by /version (default: the assembly's, else "unknown")
          {OptionsParser.FaultLatencyVariable,-22}fault: milliseconds added to every request (default 0)
          {OptionsParser.FaultErrorRateVariable,-22}fault: share 0..1 of paste requests answered 500 (default 0)
          {OptionsParser.FaultReadinessVariable,-22}fault: true makes /readyz answer 503 (default false)
          {OptionsParser.FaultOnsetVariable,-22}fault: seconds after start before latency and errors apply (default 0)

        Test-only faults (true/false, default false), for the pipeline's smoke and fuzz probes:
          {OptionsParser.FaultTruncateVariable,-28}pastes over {FaultOptions.TruncatedPasteBytes} bytes are stored cut short
          {OptionsParser.FaultUnknownIdVariable,-28}an unknown id answers 200 instead of 404
          {OptionsParser.FaultReflectVariable,-28}400/404 answers of GET /<id> echo the id as HTML
          {OptionsParser.FaultCrashVariable,-28}a malformed id answers 500 (an exception)

        Exit codes: 0 stopped normally, 1 failed while running, 2 bad configuration or arguments.
        """;
}
