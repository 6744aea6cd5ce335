namespace Tailpaste.Shared.Actions;

/// <summary>The one exit-code convention every action follows.</summary>
public static class ExitCodes
{
    /// <summary>The checked thing is fine.</summary>
    public const int Ok = 0;

    /// <summary>The checked thing failed (unhealthy service, lint errors, failed removal with fail-on-error...).</summary>
    public const int Failed = 1;

    /// <summary>Bad input or usage; nothing was changed.</summary>
    public const int BadInput = 2;
}
