using Microsoft.AspNetCore.Authorization;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>The method-level gate: the caller's claims are complete and the role may ever perform <see cref="Action"/>.</summary>
public sealed class ApiAccessRequirement(ApiAction action) : IAuthorizationRequirement
{
    public ApiAction Action { get; } = action;

    /// <summary>Authenticated, and passes the gate for the action.</summary>
    public static AuthorizationPolicy PolicyFor(ApiAction action) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ApiAccessRequirement(action)).Build();
}

/// <summary>Decides <see cref="ApiAccessRequirement"/>; a failure's message reaches the client as the PERMISSION_DENIED message.</summary>
internal sealed class ApiAccessAuthorizationHandler : AuthorizationHandler<ApiAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiAccessRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        if (!CallerClaims.TryRead(context.User, out var caller, out var error))
        {
            context.Fail(new AuthorizationFailureReason(this, $"The token is valid but {error}."));
            return Task.CompletedTask;
        }

        var decision = AccessPolicy.CheckRole(caller, requirement.Action);
        if (decision.IsAllowed)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, decision.Message));
        }

        return Task.CompletedTask;
    }
}
