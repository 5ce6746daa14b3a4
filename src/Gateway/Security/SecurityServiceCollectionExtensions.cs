using Microsoft.AspNetCore.Authentication.JwtBearer;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Hosting;

namespace OrleansTilsyn.Gateway.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// JWT bearer authentication from the <c>Auth</c> section (OIDC provider, JWKS file, or in demo mode the
    /// local key, created here on first start), the per-method access gate (<see cref="ApiAccessInterceptor"/>),
    /// <see cref="AccessPolicy"/>, and the demo organisation as <see cref="IPortfolioLookup"/> unless another one
    /// is registered. Throws on an inconsistent configuration (<see cref="AuthStartup"/>); logs the mode at start.
    /// </summary>
    public static WebApplicationBuilder AddTilsynSecurity(this WebApplicationBuilder builder)
    {
        var startup = AuthStartup.Resolve(builder.Configuration, builder.Environment);
        var options = startup.Options;
        var localKey = startup.Demo
            ? LocalSigningKey.LoadOrCreate(LocalKeyPath(options, builder.Configuration, builder.Environment.ContentRootPath))
            : null;
        builder.Services.AddSingleton(startup);
        builder.Services.AddSingleton(options);
        if (localKey is not null)
        {
            builder.Services.AddSingleton(localKey);
        }

        builder.Services.AddHostedService<AuthModeLog>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt => ConfigureJwtBearer(jwt, options, localKey));
        builder.Services.AddAuthorization();
        builder.Services.AddApiAccessGate();
        builder.Services.TryAddSingleton<IPortfolioLookup>(_ => StaticPortfolioLookup.Demo());
        builder.Services.TryAddSingleton<AccessPolicy>();
        return builder;
    }

    /// <summary><see cref="ApiAccessInterceptor"/> on every gRPC call, inside the gateway's span and error interceptors.</summary>
    public static IServiceCollection AddApiAccessGate(this IServiceCollection services)
    {
        services.TryAddSingleton<ApiAccessInterceptor>();
        services.AddOptions<GrpcServiceOptions>().Configure(grpc => grpc.Interceptors.Add<ApiAccessInterceptor>());
        return services;
    }

    /// <summary>Where the local key lives: <c>Auth:LocalKeyFile</c>, else <c>{Storage:DataDirectory}/auth/local-signing-key.pem</c>,
    /// relative to the content root.</summary>
    public static string LocalKeyPath(AuthOptions options, IConfiguration configuration, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.LocalKeyFile))
        {
            return Path.Combine(contentRoot, options.LocalKeyFile);
        }

        var storage = configuration.GetSection(OrleansTilsyn.Silo.Hosting.TilsynStorageOptions.SectionName).Get<OrleansTilsyn.Silo.Hosting.TilsynStorageOptions>() ?? new();
        return Path.Combine(contentRoot, storage.DataDirectory, "auth", "local-signing-key.pem");
    }

    private static void ConfigureJwtBearer(JwtBearerOptions jwt, AuthOptions options, LocalSigningKey? localKey)
    {
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = options.ClockSkew,
            NameClaimType = CallerClaims.Subject,
            RoleClaimType = CallerClaims.Role,
        };
        switch (options.Mode)
        {
            case AuthMode.Oidc:
                jwt.Authority = options.Authority;
                if (!string.IsNullOrWhiteSpace(options.MetadataAddress)) jwt.MetadataAddress = options.MetadataAddress;
                if (!string.IsNullOrWhiteSpace(options.Issuer)) jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                break;
            case AuthMode.SigningKeys:
                jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKeys = new JsonWebKeySet(File.ReadAllText(options.SigningKeysFile!)).GetSigningKeys();
                break;
            default:
                jwt.TokenValidationParameters.ValidIssuer = options.EffectiveLocalIssuer;
                jwt.TokenValidationParameters.IssuerSigningKey = localKey!.Key;
                jwt.TokenValidationParameters.ValidAlgorithms = [LocalSigningKey.Algorithm];
                break;
        }

        jwt.Events = new JwtBearerEvents
        {
            OnMessageReceived = context => options.Mode == AuthMode.Oidc ? ProviderMetadata.RequireAsync(context) : Task.CompletedTask,
            OnAuthenticationFailed = context =>
            {
                context.HttpContext.Items[GrpcAuthorizationMessages.UnauthenticatedItemKey] = AuthenticationFailures.Describe(context.Exception);
                return Task.CompletedTask;
            },
        };
    }
}
