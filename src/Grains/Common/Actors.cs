using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Calls;
using DomainActor = OrleansTilsyn.Grains.Domain.Organisation.Actor;

namespace OrleansTilsyn.Grains.Common;

/// <summary>The one place where the caller of a grain call (role name, role id) becomes the domain's actor.</summary>
public static class Actors
{
    /// <summary>The caller of the current grain call, as the domain sees it; an unknown role may do nothing.</summary>
    public static Result<DomainActor> Current() => ToDomain(CallerContext.Current ?? CallerIdentity.System);

    /// <summary>How the current caller is named in domain records: "{role}:{role id}", e.g. "chief:bu-chef-1".</summary>
    public static string CurrentName()
    {
        var caller = CallerContext.Current ?? CallerIdentity.System;
        return $"{caller.Role}:{caller.RoleId}";
    }

    public static Result<DomainActor> ToDomain(CallerIdentity caller) =>
        caller.Role.Trim().ToLowerInvariant() switch
        {
            "chief" => new DomainActor(ActorRole.Chief, caller.RoleId),
            "leader" => new DomainActor(ActorRole.Leader, caller.RoleId),
            "board" => new DomainActor(ActorRole.Board, caller.RoleId),
            "administration" or "admin" => new DomainActor(ActorRole.Administration, caller.RoleId),
            "operations" => new DomainActor(ActorRole.Operations, caller.RoleId),
            "system" => new DomainActor(ActorRole.System, caller.RoleId),
            _ => Problem.PermissionDenied($"The role '{caller.Role}' of {caller.RoleId} is not a role of the service."),
        };

    /// <summary>PermissionDenied unless the caller is the administration or the service itself.</summary>
    public static Problem? RequireAdministration(string action)
    {
        var actor = Current();
        if (!actor.IsSuccess) return actor.Problem;
        return actor.Value.Role is ActorRole.Administration or ActorRole.System
            ? null
            : Problem.PermissionDenied($"{actor.Value} may not {action}; only the administration may.");
    }
}
