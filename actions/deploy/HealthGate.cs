using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.Deploy;

/// <summary>What a new version must pass before users reach it: its health path, then the smoke probe and the SLO thresholds.</summary>
/// <param name="Path">The readiness path on service-url, such as /readyz.</param>
/// <param name="Timeout">How long the new container has to answer <paramref name="Path"/>.</param>
/// <param name="UploadToken">The smoke probe's token; null takes the container's UPLOAD_TOKEN.</param>
/// <param name="SloDuration">How long the SLO thresholds are measured; zero skips them.</param>
public sealed record HealthGate(string Path, TimeSpan Timeout, bool Smoke, string? UploadToken, IReadOnlyList<SloThreshold> Slo, TimeSpan SloDuration)
{
    public static HealthGate Bind(ActionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var path = inputs.GetInput("health-path", required: true);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Length > 256
            || path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '\\' or '@' or '#'))
        {
            throw inputs.Invalid("health-path", path, "a path on service-url starting with a single /, such as /readyz (no spaces, backslashes, @ or #)");
        }

        var timeout = inputs.GetDurationInput("health-timeout", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        var smoke = inputs.GetBoolInput("smoke");
        var token = inputs.GetOptionalInput("upload-token");
        if (token is not null && token.Any(char.IsControl))
        {
            throw inputs.Invalid("upload-token", token, "a token on one line");
        }

        var slo = Thresholds(inputs);
        return new HealthGate(path, timeout, smoke, token, slo, inputs.GetDurationInput("slo-duration", TimeSpan.Zero, TimeSpan.FromMinutes(10)));
    }

    private static IReadOnlyList<SloThreshold> Thresholds(ActionInputs inputs)
    {
        var lines = inputs.GetMultilineInput("slo");
        if (lines.Count > 16)
        {
            throw inputs.Invalid("slo", $"{lines.Count} lines", "at most 16 thresholds, one per line");
        }

        try
        {
            return SloThresholdParser.ParseAll(lines);
        }
        catch (SloThresholdFormatException e)
        {
            throw new InputException("slo", e.Message, SloThresholdParser.Grammar);
        }
    }
}
