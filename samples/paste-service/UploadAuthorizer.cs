using System.Security.Cryptography;
using System.Text;

namespace Tailpaste.PasteService;

/// <summary>
/// Decides whether an upload may proceed and who it is from. The bearer token stands in
/// for the Tailscale identity the real service gets; with no token configured anyone may upload.
/// </summary>
public sealed class UploadAuthorizer
{
    public const string AnonymousUser = "anonymous";

    private const string BearerPrefix = "Bearer ";

    private readonly byte[]? _expectedToken;
    private readonly string _tokenUser;

    public UploadAuthorizer(string? uploadToken)
    {
        _expectedToken = string.IsNullOrEmpty(uploadToken) ? null : Encoding.UTF8.GetBytes(uploadToken);
        // The token itself is a secret, so the stored identity is a short fingerprint of it:
        // enough to tell two tokens apart after a rotation, useless for replaying one.
        _tokenUser = _expectedToken is null
            ? AnonymousUser
            : "token:" + Convert.ToHexStringLower(SHA256.HashData(_expectedToken))[..8];
    }

    public bool TokenRequired => _expectedToken is not null;

    public UploadDecision Decide(string? authorizationHeader)
    {
        if (_expectedToken is null)
        {
            return UploadDecision.Allow(AnonymousUser);
        }

        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return UploadDecision.Deny("missing Authorization header");
        }

        if (!authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return UploadDecision.Deny("Authorization header is not a Bearer token");
        }

        var presented = Encoding.UTF8.GetBytes(authorizationHeader[BearerPrefix.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _expectedToken)
            ? UploadDecision.Allow(_tokenUser)
            : UploadDecision.Deny("wrong bearer token");
    }
}
