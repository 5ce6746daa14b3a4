using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Runtime;
using DomainActor = OrleansTilsyn.Grains.Domain.Organisation.Actor;

namespace OrleansTilsyn.Grains.Common;

/// <summary>The one place where the runtime's caller (id, role name) becomes the domain's actor.</summary>
public static class Actors
{
    /// <summary>The caller of the current grain call, as the domain sees it; an unknown role may do nothing.</summary>
    public static Result<DomainActor> Current() => ToDomain(CallContext.Actor);

    public static Result<DomainActor> ToDomain(Actor actor) =>
        actor.Role.Trim().ToLowerInvariant() switch
        {
            "chief" => new DomainActor(ActorRole.Chief, actor.Id),
            "leader" => new DomainActor(ActorRole.Leader, actor.Id),
            "board" => new DomainActor(ActorRole.Board, actor.Id),
            "administration" or "admin" => new DomainActor(ActorRole.Administration, actor.Id),
            "operations" => new DomainActor(ActorRole.Operations, actor.Id),
            "system" => new DomainActor(ActorRole.System, actor.Id),
            _ => Problem.PermissionDenied($"The role '{actor.Role}' of {actor.Id} is not a role of the service."),
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
