using Microsoft.IdentityModel.Tokens;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>Says why a bearer token was rejected, in words safe to send to the client (no token contents).</summary>
internal static class AuthenticationFailures
{
    public static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The bearer token's signature is not valid.",
        SecurityTokenInvalidIssuerException => "The bearer token was issued by another issuer.",
        SecurityTokenInvalidAudienceException => "The bearer token is for another audience.",
        SecurityTokenInvalidAlgorithmException => "The bearer token is signed with an algorithm that is not accepted.",
        SecurityTokenNoExpirationException => "The bearer token has no expiry.",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is malformed.",
        _ => "The bearer token is not valid.",
    };
}
