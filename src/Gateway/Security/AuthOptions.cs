namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// How bearer tokens are validated (configuration section <c>Auth</c>). Production names an OIDC
/// provider (<see cref="Authority"/>, or <see cref="MetadataAddress"/>) or gives its keys as a JWKS
/// file (<see cref="SigningKeysFile"/> with <see cref="Issuer"/>). Only with <see cref="Demo"/> (the embedded
/// default's appsettings.json) does the service sign and validate with a local key generated on first start in
/// the data folder and hand out demo tokens; <see cref="AuthStartup"/> decides and checks this at start.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const string LocalIssuer = "tilsyn-local";
    public const string DefaultAudience = "tilsyn-api";

    /// <summary>Demo mode: the local signing key, demo sign-in for every role, demo data in an empty store.
    /// Never together with a provider; only on loopback addresses (see <see cref="AuthStartup"/>).</summary>
    public bool Demo { get; set; }

    /// <summary>The OIDC provider's issuer URL; keys and issuer come from its discovery document.</summary>
    public string? Authority { get; set; }

    /// <summary>Discovery document URL when it is not <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Required <c>iss</c>. Defaults to the provider's issuer (OIDC) or <see cref="LocalIssuer"/> (local key).</summary>
    public string? Issuer { get; set; }

    /// <summary>Required <c>aud</c>: this API's identifier at the provider.</summary>
    public string Audience { get; set; } = DefaultAudience;

    /// <summary>A JWKS file with the provider's public signing keys (instead of discovery).</summary>
    public string? SigningKeysFile { get; set; }

    /// <summary>Refuse discovery over plain HTTP (turn off only for a provider on loopback in tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The local key's file; defaults to <c>{Storage:DataDirectory}/auth/local-signing-key.pem</c>.</summary>
    public string? LocalKeyFile { get; set; }

    /// <summary>Tolerated clock difference for <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    public AuthMode Mode =>
        !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress) ? AuthMode.Oidc
        : !string.IsNullOrWhiteSpace(SigningKeysFile) ? AuthMode.SigningKeys
        : Demo ? AuthMode.LocalKey
        : AuthMode.None;

    public string EffectiveLocalIssuer => string.IsNullOrWhiteSpace(Issuer) ? LocalIssuer : Issuer;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Audience)) errors.Add("Auth:Audience must not be empty.");
        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(10)) errors.Add("Auth:ClockSkew must be between 0 and 10 minutes.");
        if (Mode == AuthMode.Oidc && !string.IsNullOrWhiteSpace(SigningKeysFile))
            errors.Add("Auth: give either Authority/MetadataAddress (OIDC discovery) or SigningKeysFile, not both.");
        if (Mode == AuthMode.Oidc && !string.IsNullOrWhiteSpace(Authority) && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
            errors.Add("Auth:Authority must be an absolute URL.");
        if (Mode == AuthMode.SigningKeys && string.IsNullOrWhiteSpace(Issuer))
            errors.Add("Auth:Issuer is required with Auth:SigningKeysFile.");
        if (Demo && Mode != AuthMode.LocalKey)
            errors.Add($"Auth:Demo=true cannot be combined with {string.Join(", ", ProviderSettings())}: a service that accepts a provider's tokens must not also hand out demo tokens (set Auth:Demo=false).");
        if (Mode == AuthMode.None)
            errors.Add("No bearer token validation is configured: set Auth:Authority (OIDC discovery) or Auth:SigningKeysFile with Auth:Issuer, or Auth:Demo=true for the local demo.");
        return errors;
    }

    private IEnumerable<string> ProviderSettings()
    {
        if (!string.IsNullOrWhiteSpace(Authority)) yield return "Auth:Authority";
        if (!string.IsNullOrWhiteSpace(MetadataAddress)) yield return "Auth:MetadataAddress";
        if (!string.IsNullOrWhiteSpace(SigningKeysFile)) yield return "Auth:SigningKeysFile";
    }
}

public enum AuthMode
{
    /// <summary>Nothing configured: the service refuses to start.</summary>
    None,

    /// <summary>Demo mode (<c>Auth:Demo=true</c>): a key generated on first start in the data folder.</summary>
    LocalKey,

    /// <summary>An OIDC provider's discovery document.</summary>
    Oidc,

    /// <summary>A JWKS file and a configured issuer.</summary>
    SigningKeys,
}
