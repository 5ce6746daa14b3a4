using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Turns authorization failures on gRPC endpoints into gRPC statuses (UNAUTHENTICATED,
/// PERMISSION_DENIED) in the caller's protocol, instead of bare 401/403 responses that gRPC clients
/// can only guess at. Other endpoints get ASP.NET Core's default behaviour.</summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private static readonly GrpcStatus Unauthenticated = new(StatusCode.Unauthenticated, "Authentication is required.");
    private static readonly GrpcStatus PermissionDenied = new(StatusCode.PermissionDenied, "The caller may not call this method.");

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if ((authorizeResult.Challenged || authorizeResult.Forbidden)
            && context.GetEndpoint()?.Metadata.GetMetadata<GrpcEndpointHandler>() is { } grpc
            && await grpc.TryRejectAsync(context, authorizeResult.Challenged ? Unauthenticated : PermissionDenied))
        {
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
