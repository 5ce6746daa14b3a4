using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>Signs tokens with the embedded local key, for the demo and for tests. Production tokens
/// come from the OIDC provider.</summary>
public sealed class LocalTokenIssuer(LocalSigningKey key, string issuer, string audience, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Issuer => issuer;

    public string Audience => audience;

    /// <summary>A token for the identity, valid from now for <paramref name="lifetime"/>.</summary>
    public string Issue(TokenIdentity identity, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            [CallerClaims.Subject] = identity.Subject,
            [CallerClaims.Role] = CallerClaims.RoleName(identity.Role),
            [CallerClaims.RoleId] = identity.RoleId,
        };
        if (identity.DisplayName is { } name)
        {
            claims[CallerClaims.Name] = name;
        }

        if (!identity.Units.IsDefaultOrEmpty)
        {
            claims[CallerClaims.Unit] = identity.Units.ToArray();
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = key.SigningCredentials,
        });
    }
}
