using Microsoft.AspNetCore.Authentication.JwtBearer;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// Before a bearer token is checked against an OIDC provider, makes sure the provider's discovery document and keys
/// are at hand (fetched once, then cached by the handler). When they cannot be fetched the token cannot be judged at
/// all: the call ends UNAVAILABLE saying so (a warning is logged), instead of the token handler validating without
/// the provider's issuer and keys and blaming the token ("issued by another issuer").
/// </summary>
internal static partial class ProviderMetadata
{
    public const string Unreachable = "The identity provider's metadata could not be fetched, so the bearer token cannot be checked now; try again later.";

    public static async Task RequireAsync(MessageReceivedContext context)
    {
        if (context.Options.ConfigurationManager is not { } metadata
            || !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        try
        {
            await metadata.GetConfigurationAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception failure) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProviderMetadata).FullName!);
            LogUnreachable(logger, context.Options.MetadataAddress ?? context.Options.Authority ?? "", failure.GetBaseException().Message);
            context.HttpContext.Items[GrpcAuthorizationMessages.UnavailableItemKey] = Unreachable;
            context.Fail(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity provider's metadata at {Metadata} could not be fetched: {Reason}. Bearer tokens cannot be checked until it can.")]
    private static partial void LogUnreachable(ILogger logger, string metadata, string reason);
}
