namespace Tailpaste.Deploy;

/// <summary>How the new version replaces the old one.</summary>
public enum Strategy
{
    /// <summary>Stop the old container, start the new one in its place; a short outage.</summary>
    Recreate,

    /// <summary>Start the new version beside the live one and switch the reverse proxy; no outage.</summary>
    BlueGreen,
}
