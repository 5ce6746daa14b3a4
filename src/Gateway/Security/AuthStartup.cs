using System.Net;
using OrleansTilsyn.Gateway.Hosting;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// The one place that decides at start how the service authenticates, and whether it is in demo mode (local
/// signing key, demo sign-in, demo data). Demo mode needs the explicit switch <c>Auth:Demo=true</c> (the embedded
/// default's appsettings.json sets it) and is refused next to any provider setting (<c>Auth:Authority</c>,
/// <c>Auth:MetadataAddress</c>, <c>Auth:SigningKeysFile</c>, <c>Web:Oidc:*</c>) or on a listen address that is
/// not loopback. Without the switch a provider must be configured. An inconsistent configuration throws with a
/// message naming the settings, before anything (the local key) is created.
/// </summary>
public sealed class AuthStartup
{
    private AuthStartup(AuthOptions options, bool productionEnvironment)
    {
        Options = options;
        ProductionEnvironment = productionEnvironment;
    }

    public AuthOptions Options { get; }

    /// <summary>Demo sign-in, the local signing key and demo data.</summary>
    public bool Demo => Options.Mode == AuthMode.LocalKey;

    /// <summary>Demo mode in the Production environment is allowed when switched on explicitly, and warned about.</summary>
    public bool ProductionEnvironment { get; }

    public static AuthStartup Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var webOidc = configuration.GetSection(WebFrontEndExtensions.SectionName).Get<WebFrontEndExtensions.WebOptions>()?.Oidc
            ?? new WebFrontEndExtensions.OidcClientOptions();
        var errors = options.Validate().ToList();
        errors.AddRange(WebOidcErrors(options, webOidc));
        if (options.Demo)
        {
            errors.AddRange(ListenAddresses(configuration)
                .Where(listen => !IsLoopback(listen.Address))
                .Select(listen => $"Auth:Demo=true needs loopback listen addresses, but {listen.Setting} is '{listen.Address}': demo sign-in hands a token for every role to anyone who can reach it."));
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Inconsistent authentication settings: " + string.Join(" ", errors));
        }

        return new AuthStartup(options, environment.IsProduction());
    }

    private static IEnumerable<string> WebOidcErrors(AuthOptions options, WebFrontEndExtensions.OidcClientOptions web)
    {
        var given = new[] { ("Web:Oidc:Authority", web.Authority), ("Web:Oidc:ClientId", web.ClientId) }
            .Where(s => !string.IsNullOrWhiteSpace(s.Item2)).Select(s => s.Item1).ToArray();
        if (given.Length == 0)
        {
            yield break;
        }

        if (options.Demo)
        {
            yield return $"Auth:Demo=true cannot be combined with {string.Join(", ", given)}: the front end signs in at a provider, so demo sign-in must be off (set Auth:Demo=false).";
        }
        else if (options.Mode == AuthMode.None)
        {
            yield return $"{string.Join(", ", given)} is set, but the gateway cannot validate the tokens the front end signs in with: set Auth:Authority (or Auth:SigningKeysFile with Auth:Issuer) for the same provider.";
        }

        if (given.Length == 1)
        {
            yield return "Web:Oidc needs both Authority and ClientId.";
        }
    }

    /// <summary>Where Kestrel will listen, with the setting that says so: <c>Gateway:Endpoints:Host</c> when the gateway's
    /// ports are set (they replace <c>urls</c>), else <c>urls</c> / <c>http_ports</c> / <c>https_ports</c> (ASPNETCORE_*);
    /// <c>Kestrel:Endpoints</c> always. Nothing at all means Kestrel's default, localhost.</summary>
    private static IEnumerable<(string Setting, string Address)> ListenAddresses(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection(GatewayEndpointOptions.SectionName).Get<GatewayEndpointOptions>() ?? new GatewayEndpointOptions();
        if (endpoints.HasAnyPort)
        {
            yield return ($"{GatewayEndpointOptions.SectionName}:Host", endpoints.Host);
        }
        else
        {
            foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return ("urls (ASPNETCORE_URLS)", url);
            }

            foreach (var key in new[] { "http_ports", "https_ports" })
            {
                if (!string.IsNullOrWhiteSpace(configuration[key]))
                {
                    yield return ($"{key} (ASPNETCORE_{key.ToUpperInvariant()})", $"*:{configuration[key]}"); // every interface
                }
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return ($"Kestrel:Endpoints:{endpoint.Key}:Url", url);
            }
        }
    }

    /// <summary>A host (<c>127.0.0.1</c>, <c>localhost</c>, <c>::1</c>) or URL whose host is loopback; wildcards are not.</summary>
    internal static bool IsLoopback(string address)
    {
        var host = address.Contains("://", StringComparison.Ordinal)
            ? Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.Host : null
            : address;
        if (string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
