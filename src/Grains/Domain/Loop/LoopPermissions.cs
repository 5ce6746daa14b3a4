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
}

/// <summary>What a reader wants to see of a unit.</summary>
public enum ReadScope
{
    /// <summary>Counts only (loop health): every role, operations included.</summary>
    Health,
    /// <summary>Status, calendar, tasks, data packages, the board's statements.</summary>
    Status,
    /// <summary>Samtale content: minutes, agendas, agreements, board reports, the summing-up.</summary>
    Meetings,
    /// <summary>1:1 records and agendas: between chief and leader.</summary>
    OneToOnes,
}

/// <summary>SPEC "Roles": a chief acts on the portfolio's units, a leader on the own unit, a board on its unit; operations never on meeting content.</summary>
public static class LoopPermissions
{
    public static bool Allows(Unit unit, Actor actor, Party parties) => actor.Role switch
    {
        ActorRole.Chief => (parties.HasFlag(Party.Chief) || (parties.HasFlag(Party.Holder) && !unit.SelfOwned)) && actor.Id == unit.Chief.Value,
        ActorRole.Leader => parties.HasFlag(Party.Leader) && actor.Id == unit.Leader.Value,
        ActorRole.Board => (parties.HasFlag(Party.Board) || (parties.HasFlag(Party.Holder) && unit.SelfOwned)) && actor.Id == unit.Board?.Value,
        ActorRole.Administration => parties.HasFlag(Party.Administration),
        ActorRole.System => parties.HasFlag(Party.System),
        _ => false,
    };

    /// <summary>Reading: the unit's own chief, leader and board (never 1:1s), administration and the service; operations see health only.</summary>
    public static bool CanRead(Unit unit, Actor actor, ReadScope scope) => actor.Role switch
    {
        ActorRole.Operations => scope == ReadScope.Health,
        ActorRole.Administration or ActorRole.System => true,
        ActorRole.Chief => actor.Id == unit.Chief.Value,
        ActorRole.Leader => actor.Id == unit.Leader.Value,
        ActorRole.Board => actor.Id == unit.Board?.Value && scope != ReadScope.OneToOnes,
        _ => false,
    };

    public static Problem? CheckRead(Unit unit, Actor actor, ReadScope scope) =>
        CanRead(unit, actor, scope) ? null : Problem.PermissionDenied($"{actor} may not read the {scope.ToString().ToLowerInvariant()} of unit {unit.Id}.");

    /// <summary>A PermissionDenied problem, or null when the actor may act.</summary>
    public static Problem? Check(Unit unit, Actor actor, Party parties, string action) =>
        Allows(unit, actor, parties) ? null : Problem.PermissionDenied($"{actor} may not {action} for unit {unit.Id}.");
}
