using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Turns authorization failures on gRPC endpoints into gRPC statuses (UNAUTHENTICATED,
/// PERMISSION_DENIED) in the caller's protocol, instead of bare 401/403 responses that gRPC clients
/// can only guess at. The message says why (see <see cref="GrpcAuthorizationMessages"/>). Other
/// endpoints get ASP.NET Core's default behaviour.</summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if ((authorizeResult.Challenged || authorizeResult.Forbidden)
            && context.GetEndpoint()?.Metadata.GetMetadata<GrpcEndpointHandler>() is { } grpc
            && await grpc.TryRejectAsync(context, authorizeResult.Challenged ? Unauthenticated(context) : PermissionDenied(authorizeResult)))
        {
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static GrpcStatus Unauthenticated(HttpContext context) =>
        context.Items[GrpcAuthorizationMessages.UnavailableItemKey] is string unavailable
            ? new(StatusCode.Unavailable, unavailable)
            : new(StatusCode.Unauthenticated, context.Items[GrpcAuthorizationMessages.UnauthenticatedItemKey] as string ?? GrpcAuthorizationMessages.DefaultUnauthenticated);

    private static GrpcStatus PermissionDenied(PolicyAuthorizationResult result)
    {
        var reasons = result.AuthorizationFailure?.FailureReasons.Select(r => r.Message).Where(m => !string.IsNullOrEmpty(m)).Distinct().ToArray();
        return new(StatusCode.PermissionDenied, reasons is { Length: > 0 } ? string.Join(" ", reasons) : GrpcAuthorizationMessages.DefaultPermissionDenied);
    }
}
