namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>How authentication tells the gRPC layer why a call is unauthenticated: a message safe for
/// clients (e.g. "The bearer token has expired.") in <c>HttpContext.Items</c> under
/// <see cref="UnauthenticatedItemKey"/>. Authorization failure reasons become the PERMISSION_DENIED message.</summary>
public static class GrpcAuthorizationMessages
{
    public const string UnauthenticatedItemKey = "OrleansTilsyn.Gateway.Grpc.UnauthenticatedMessage";

    public const string DefaultUnauthenticated = "Authentication is required: send 'authorization: Bearer <token>'.";

    public const string DefaultPermissionDenied = "The caller may not call this method.";
}
