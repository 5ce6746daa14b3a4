namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>
/// The one header policy of every response the service sends (pages, the front end, JSON web endpoints, demo
/// tokens, gRPC, gRPC-Web and JSON API calls): a strict Content-Security-Policy with <c>frame-ancestors 'none'</c>
/// (and X-Frame-Options for older browsers), nosniff, no referrer, and <c>Cache-Control: no-store</c> unless the
/// endpoint chose its own caching (the front end's static files revalidate instead: they hold no content).
/// </summary>
public static class SecurityHeaders
{
    public const string NoStore = "no-store";

    /// <summary>Registers the policy once, ahead of every endpoint. <c>connect-src</c> adds the origin of
    /// <c>Web:Oidc:Authority</c>, which the front end calls for its tokens.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var oidc = app.Configuration.GetSection(WebFrontEndExtensions.SectionName).Get<WebFrontEndExtensions.WebOptions>()?.Oidc;
        var headers = Policy(oidc?.IsConfigured == true ? oidc.Authority : null);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response.Headers;
                foreach (var (name, value) in headers)
                {
                    response[name] = value;
                }

                if (string.IsNullOrEmpty(response.CacheControl))
                {
                    response.CacheControl = NoStore;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    internal static (string Name, string Value)[] Policy(string? oidcAuthority)
    {
        var connect = "'self'";
        if (Uri.TryCreate(oidcAuthority, UriKind.Absolute, out var authority))
        {
            connect += " " + authority.GetLeftPart(UriPartial.Authority);
        }

        return
        [
            ("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                $"frame-src 'self' blob:; connect-src {connect}; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"),
            ("X-Frame-Options", "DENY"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
        ];
    }
}
