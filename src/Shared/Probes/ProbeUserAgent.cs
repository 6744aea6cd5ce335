namespace Tailpaste.Shared.Probes;

/// <summary>The User-Agent each probe sends, so a service's access log can tell probe traffic from users.</summary>
public static class ProbeUserAgent
{
    public const string Load = "tailpaste-probe-slo";
    public const string Smoke = "tailpaste-probe-smoke";
    public const string Fuzz = "tailpaste-probe-fuzz";
}
