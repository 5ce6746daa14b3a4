namespace OrleansTilsyn.Gateway.Security;

/// <summary>Says at start how the service authenticates. Demo mode is a warning: anyone who reaches the service
/// can sign in as any role.</summary>
internal sealed partial class AuthModeLog(AuthStartup startup, ILogger<AuthModeLog> logger, LocalSigningKey? localKey = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = startup.Options;
        switch (options.Mode)
        {
            case AuthMode.LocalKey:
                LogDemo(logger, startup.ProductionEnvironment ? " in the Production environment" : "", localKey?.Path ?? "(none)");
                break;
            case AuthMode.Oidc:
                LogOidc(logger, options.MetadataAddress ?? options.Authority ?? "", options.Audience);
                break;
            default:
                LogSigningKeys(logger, options.SigningKeysFile ?? "", options.Issuer ?? "", options.Audience);
                break;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo mode (Auth:Demo=true){Environment}: demo sign-in on (a token for any role to anyone who reaches the service), " +
        "demo organisation seeded into an empty store, local signing key at {KeyPath}. Not for real data: configure Auth:Authority or Auth:SigningKeysFile and set Auth:Demo=false.")]
    private static partial void LogDemo(ILogger logger, string environment, string keyPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer tokens validated with the OIDC provider {Metadata} (audience {Audience}); demo sign-in off")]
    private static partial void LogOidc(ILogger logger, string metadata, string audience);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer tokens validated with the keys in {KeysFile} (issuer {Issuer}, audience {Audience}); demo sign-in off")]
    private static partial void LogSigningKeys(ILogger logger, string keysFile, string issuer, string audience);
}
