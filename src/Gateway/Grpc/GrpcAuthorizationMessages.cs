namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>How authentication tells the gRPC layer why a call is unauthenticated: a message safe for
/// clients (e.g. "The bearer token has expired.") in <c>HttpContext.Items</c> under
/// <see cref="UnauthenticatedItemKey"/>, or under <see cref="UnavailableItemKey"/> when the token could not be checked
/// at all (the identity provider cannot be reached): UNAVAILABLE, which clients retry. Authorization failure reasons
/// become the PERMISSION_DENIED message.</summary>
public static class GrpcAuthorizationMessages
{
    public const string UnauthenticatedItemKey = "OrleansTilsyn.Gateway.Grpc.UnauthenticatedMessage";

    public const string UnavailableItemKey = "OrleansTilsyn.Gateway.Grpc.UnavailableMessage";

    public const string DefaultUnauthenticated = "Authentication is required: send 'authorization: Bearer <token>'.";

    public const string DefaultPermissionDenied = "The caller may not call this method.";
}
