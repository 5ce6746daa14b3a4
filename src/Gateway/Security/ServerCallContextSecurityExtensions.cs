using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>What handlers use: the caller of the call, and the unit-level access check.</summary>
public static class ServerCallContextSecurityExtensions
{
    /// <summary>The caller, read from <see cref="ServerCallContext.User"/>. Methods behind the access gate
    /// always have one; elsewhere UNAUTHENTICATED or PERMISSION_DENIED is thrown.</summary>
    public static Caller GetCaller(this ServerCallContext context)
    {
        if (CallerClaims.TryRead(context.GetHttpContext().User, out var caller, out var error))
        {
            return caller;
        }

        throw context.GetHttpContext().User.Identity?.IsAuthenticated == true
            ? GrpcErrors.PermissionDenied($"The token is valid but {error}.")
            : GrpcErrors.Unauthenticated("Authentication is required.");
    }

    /// <summary>Checks that the caller may do <paramref name="action"/> on the unit and returns the caller;
    /// throws PERMISSION_DENIED (or NOT_FOUND for a caller who could see the unit) otherwise.</summary>
    public static async Task<Caller> RequireUnitAccessAsync(this ServerCallContext context, ApiAction action, string unitId)
    {
        var caller = context.GetCaller();
        var policy = context.GetHttpContext().RequestServices.GetRequiredService<AccessPolicy>();
        var decision = await policy.CheckUnitAsync(caller, action, unitId, context.CancellationToken);
        decision.ThrowIfNotAllowed();
        return caller;
    }
}
