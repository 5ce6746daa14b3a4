using Grpc.Core;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>The answer of <see cref="AccessPolicy"/>: allowed, denied (PERMISSION_DENIED) or, for a
/// caller who could see the unit if it existed, not found (NOT_FOUND).</summary>
public sealed record AccessDecision(StatusCode Code, string Message)
{
    public static AccessDecision Allowed { get; } = new(StatusCode.OK, "");

    public bool IsAllowed => Code == StatusCode.OK;

    public static AccessDecision Denied(string message) => new(StatusCode.PermissionDenied, message);

    public static AccessDecision NotFound(string message) => new(StatusCode.NotFound, message);

    /// <summary>Throws the decision as a gRPC status unless it allows.</summary>
    public void ThrowIfNotAllowed()
    {
        if (!IsAllowed)
        {
            throw new GrpcStatusException(Code, Message);
        }
    }
}
