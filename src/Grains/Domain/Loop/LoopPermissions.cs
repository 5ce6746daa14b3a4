using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>The parties of a unit that may take part in a command.</summary>
[Flags]
public enum Party
{
    None = 0,
    Chief = 1,
    Leader = 2,
    Board = 4,
    /// <summary>Whoever holds the samtaler: the chief, or the board of a self-owned daycare.</summary>
    Holder = 8,
    Administration = 16,
    System = 32,
    /// <summary>The board, only of a self-owned daycare (its supervision report).</summary>
    SelfOwnedBoard = 64,
    /// <summary>Operations: loop health, never content.</summary>
    Operations = 128,
}

/// <summary>What a reader wants to see of a unit.</summary>
public enum ReadScope
{
    /// <summary>Counts only (loop health): every role, operations included.</summary>
    Health,
    /// <summary>Status, calendar, tasks, data packages.</summary>
    Status,
    /// <summary>The board's statements: the unit's own parties.</summary>
    Statements,
    /// <summary>Samtale content: minutes, agendas, agreements.</summary>
    Meetings,
    /// <summary>The board's supervision report, its case and the summing-up: meeting readers and the administration (cross-unit reports).</summary>
    Reports,
    /// <summary>1:1 records and agendas: between chief and leader.</summary>
    OneToOnes,
}

/// <summary>SPEC "Roles": asks <see cref="UnitPermissions"/> how the actor stands to the unit and what that relation may do.</summary>
public static class LoopPermissions
{
    public static bool Allows(Unit unit, Actor actor, Party parties) => UnitPermissions.Permits(parties, RelationTo(unit, actor), unit.SelfOwned);

    public static bool CanRead(Unit unit, Actor actor, ReadScope scope) => Allows(unit, actor, UnitPermissions.ReadersOf(scope));

    public static UnitRelation RelationTo(Unit unit, Actor actor) => actor.Role switch
    {
        ActorRole.Chief => actor.Id == unit.Chief.Value ? UnitRelation.Chief : UnitRelation.None,
        ActorRole.Leader => actor.Id == unit.Leader.Value ? UnitRelation.Leader : UnitRelation.None,
        ActorRole.Board => actor.Id == unit.Board?.Value ? UnitRelation.Board : UnitRelation.None,
        ActorRole.Administration => UnitRelation.Administration,
        ActorRole.Operations => UnitRelation.Operations,
        ActorRole.System => UnitRelation.System,
        _ => UnitRelation.None,
    };

    public static Problem? CheckRead(Unit unit, Actor actor, ReadScope scope) =>
        CanRead(unit, actor, scope) ? null : Problem.PermissionDenied($"{actor} may not read the {scope.ToString().ToLowerInvariant()} of unit {unit.Id}.");

    /// <summary>A PermissionDenied problem, or null when the actor may act.</summary>
    public static Problem? Check(Unit unit, Actor actor, Party parties, string action) =>
        Allows(unit, actor, parties) ? null : Problem.PermissionDenied($"{actor} may not {action} for unit {unit.Id}.");
}
