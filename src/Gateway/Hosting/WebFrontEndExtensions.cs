using System.Text.Json.Serialization;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Domain.Demo;

namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>
/// Serves the built web front end (src/Web) from <c>Web:Root</c> and tells it how to sign in:
/// <c>GET /web/config</c>; in demo mode (<see cref="AuthStartup"/>, and only then) also the demo sign-in
/// <c>GET /web/demo/identities</c> and <c>POST /web/demo/sign-in</c>. With an OIDC provider or a JWKS file
/// (production) the front end signs in by authorization code + PKCE at <c>Web:Oidc:Authority</c>. Source maps
/// (<c>*.map</c>) are served only in demo mode or the Development environment. Headers: <see cref="SecurityHeaders"/>.
/// </summary>
public static class WebFrontEndExtensions
{
    public const string SectionName = "Web";

    private static readonly TimeSpan DemoTokenLifetime = TimeSpan.FromHours(8);

    public static WebApplication MapWebFrontEnd(this WebApplication app)
    {
        var options = app.Configuration.GetSection(SectionName).Get<WebOptions>() ?? new WebOptions();
        var auth = app.Services.GetRequiredService<AuthStartup>();
        var localKey = auth.Demo ? app.Services.GetRequiredService<LocalSigningKey>() : null;
        var signIn = localKey is not null ? "demo" : options.Oidc.IsConfigured ? "oidc" : "none";

        var clock = app.Services.GetRequiredKeyedService<TimeProvider>(Orleans.Runtime.TimeProviderNames.Grains);
        app.MapGet("/web/config", () => Results.Json(new WebConfig(signIn, signIn == "oidc" ? options.Oidc : null, clock.GetUtcNow())))
            .AllowAnonymous();
        if (localKey is not null)
        {
            MapDemoSignIn(app, new LocalTokenIssuer(localKey, auth.Options.EffectiveLocalIssuer, auth.Options.Audience, TimeProvider.System));
        }

        var root = ResolveRoot(options.Root, app.Environment.ContentRootPath);
        if (root is null)
        {
            app.Logger.LogInformation("No built web front end found (Web:Root, default src/Web/dist): run `npm ci && npm run build` in src/Web");
            return app;
        }

        // Source maps carry the whole TypeScript source: for debugging the demo, not for anyone on a production site.
        var contentTypes = new FileExtensionContentTypeProvider();
        if (!auth.Demo && !app.Environment.IsDevelopment())
        {
            contentTypes.Mappings.Remove(".map");
        }

        var staticFiles = new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            ContentTypeProvider = contentTypes,
            // Not content-hashed names: revalidate every time (SecurityHeaders makes everything else no-store).
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        };
        app.UseStaticFiles(staticFiles);
        app.MapFallbackToFile("index.html", staticFiles)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .AllowAnonymous();
        return app;
    }

    private static void MapDemoSignIn(WebApplication app, LocalTokenIssuer issuer)
    {
        var identities = DemoIdentities.For(DemoData.Build());
        app.MapGet("/web/demo/identities", () => Results.Json(identities.Select(i => new DemoIdentity(
            i.Label, CallerClaims.RoleName(i.Role), i.RoleId, [.. i.Units], i.Description)))).AllowAnonymous();
        app.MapPost("/web/demo/sign-in", (DemoSignInRequest request) =>
        {
            var identity = identities.FirstOrDefault(i => i.Label == request.Label);
            return identity is null
                ? Results.Problem($"No demo identity '{request.Label}'.", statusCode: StatusCodes.Status404NotFound)
                : Results.Json(new DemoSignInResponse(issuer.Issue(identity, DemoTokenLifetime), (int)DemoTokenLifetime.TotalSeconds));
        }).AllowAnonymous();
    }

    /// <summary><c>Web:Root</c> (relative to the content root), else the build output src/Web/dist under the content
    /// root (the repository), next to the gateway's project folder, or above its bin folder; null when there is none.</summary>
    private static string? ResolveRoot(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, configured));
            return File.Exists(Path.Combine(path, "index.html"))
                ? path
                : throw new InvalidOperationException($"Web:Root {path} holds no index.html: build src/Web first.");
        }

        string[] candidates =
        [
            Path.Combine(contentRoot, "src", "Web", "dist"),
            Path.Combine(contentRoot, "..", "Web", "dist"),
            Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Web", "dist"),
        ];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(p => File.Exists(Path.Combine(p, "index.html")));
    }

    /// <summary>Configuration section <c>Web</c>.</summary>
    public sealed class WebOptions
    {
        /// <summary>The folder with the built front end (index.html); default src/Web/dist.</summary>
        public string? Root { get; set; }

        public OidcClientOptions Oidc { get; set; } = new();
    }

    /// <summary>The front end as an OIDC public client (<c>Web:Oidc</c>): authorization code + PKCE.</summary>
    public sealed class OidcClientOptions
    {
        public string? Authority { get; set; }

        public string? ClientId { get; set; }

        public string Scope { get; set; } = "openid profile";

        /// <summary>Sent as <c>audience</c> to providers that need it to issue an access token for this API.</summary>
        public string? Audience { get; set; }

        [JsonIgnore]
        public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
    }

    /// <summary><c>Now</c> is the domain clock (it differs from real time with <c>Clock:Start</c>): the front end
    /// shows the loop as the service sees it.</summary>
    private sealed record WebConfig(string SignIn, OidcClientOptions? Oidc, DateTimeOffset Now);

    private sealed record DemoIdentity(string Label, string Role, string RoleId, string[] Units, string Description);

    private sealed record DemoSignInRequest(string Label);

    private sealed record DemoSignInResponse(string Token, int ExpiresIn);
}
