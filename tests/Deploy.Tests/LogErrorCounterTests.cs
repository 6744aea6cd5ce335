using Tailpaste.Deploy.Verification;

namespace Tailpaste.Deploy.Tests;

public sealed class LogErrorCounterTests
{
    [Theory]
    [InlineData("2025-11-23T09:14:26.101Z ERROR FaultInjectionMiddleware: injected HTTP 500 for GET / (FAULT_ERROR_RATE=1)", true)]
    [InlineData("2025-11-23T09:14:26.101Z FATAL Startup: cannot listen on 0.0.0.0:8080", true)]
    [InlineData("2025-11-23T09:14:25.333Z WARN PasteEndpoints: upload refused: error in token", false)]
    [InlineData("2025-11-23T09:14:22.757Z INFO Startup: listening on http://0.0.0.0:8080", false)]
    [InlineData("127.0.0.1 - - [23/Nov/2025:09:14:25 +0000] \"GET /error HTTP/1.1\" 500 30 \"-\" \"curl/8.5.0\" 7.808", false)]
    [InlineData("Unhandled exception. System.InvalidOperationException: boom", true)]
    [InlineData("panic: runtime error", true)]
    [InlineData("terrors of the deep", false)]
    public void Error_lines_are_the_services_errors_and_other_programs_error_words(string line, bool expected) =>
        Assert.Equal(expected, LogErrorCounter.IsError(line));
}
