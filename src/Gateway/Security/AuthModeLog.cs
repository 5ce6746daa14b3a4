namespace OrleansTilsyn.Gateway.Security;

/// <summary>Says at start how the service authenticates. Demo mode in the Production environment (allowed only by the
/// explicit switch) is a warning: anyone who reaches the service can sign in as any role.</summary>
internal sealed partial class AuthModeLog(AuthStartup startup, ILogger<AuthModeLog> logger, LocalSigningKey? localKey = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = startup.Options;
        switch (options.Mode)
        {
            case AuthMode.LocalKey:
                if (startup.ProductionEnvironment) LogDemoInProduction(logger, localKey?.Path ?? "(none)");
                else LogDemo(logger, localKey?.Path ?? "(none)");
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

    private const string Demo = "demo sign-in on (a token for any role to anyone who reaches the service), demo organisation seeded into an empty store, " +
        "local signing key at {KeyPath}. Not for real data: configure Auth:Authority or Auth:SigningKeysFile and set Auth:Demo=false.";

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode (Auth:Demo=true): " + Demo)]
    private static partial void LogDemo(ILogger logger, string keyPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo mode (Auth:Demo=true) in the Production environment: " + Demo)]
    private static partial void LogDemoInProduction(ILogger logger, string keyPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer tokens validated with the OIDC provider {Metadata} (audience {Audience}); demo sign-in off")]
    private static partial void LogOidc(ILogger logger, string metadata, string audience);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer tokens validated with the keys in {KeysFile} (issuer {Issuer}, audience {Audience}); demo sign-in off")]
    private static partial void LogSigningKeys(ILogger logger, string keysFile, string issuer, string audience);
}
