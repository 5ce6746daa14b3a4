using Grpc.Core;
using Grpc.Core.Interceptors;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// The method-level gate of every tilsyn.v1 call, before its handler runs: the caller is authenticated
/// (UNAUTHENTICATED saying why the token was refused; UNAVAILABLE when the identity provider cannot be reached),
/// the token's claims are complete, and the role may ever perform the method's action (<see cref="ApiMethodAccess"/>,
/// <see cref="AccessPolicy.CheckRole"/>); PERMISSION_DENIED with the reason otherwise. Handlers then check the unit.
/// Health and reflection stay anonymous; any other method needs an authenticated caller.
/// </summary>
public sealed class ApiAccessInterceptor : Interceptor
{
    // The bench echo exists only with Gateway:Bench=true (Hosting/BenchEndpoints), for measuring the protocol stack.
    private static readonly string[] AnonymousServices =
        ["/grpc.health.v1.Health/", "/grpc.reflection.v1.ServerReflection/", "/grpc.reflection.v1alpha.ServerReflection/", "/bench.v1.Echo/"];

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    /// <summary>Throws the refusal of the call, if any.</summary>
    public static void Check(ServerCallContext context)
    {
        if (AnonymousServices.Any(s => context.Method.StartsWith(s, StringComparison.Ordinal))) return;
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            throw http.Items[GrpcAuthorizationMessages.UnavailableItemKey] is string unavailable
                ? GrpcErrors.Unavailable(unavailable)
                : GrpcErrors.Unauthenticated(http.Items[GrpcAuthorizationMessages.UnauthenticatedItemKey] as string ?? GrpcAuthorizationMessages.DefaultUnauthenticated);
        }

        if (!ApiMethodAccess.Actions.TryGetValue(context.Method.TrimStart('/'), out var action)) return;
        if (!CallerClaims.TryRead(http.User, out var caller, out var error))
        {
            throw GrpcErrors.PermissionDenied($"The token is valid but {error}.");
        }

        AccessPolicy.CheckRole(caller, action).ThrowIfNotAllowed();
    }
}
