using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>
/// Changes to the unit itself during a loop. Name, leader, board and sub-units apply at once; a new
/// chief takes over the open tasks. The flags (self-owned, special) shape the calendar, so they
/// take effect with the next loop: pass the new unit to <see cref="LoopStart.StartNext"/>.
/// </summary>
public static class UnitCommands
{
    public static Result<LoopOutcome> Update(UnitLoopState s, Unit unit, Actor by, DateTimeOffset now)
    {
        if (LoopPermissions.Check(s.Unit, by, UnitPermissions.Administer, "change the unit") is { } denied) return denied;
        if (unit.Id != s.Unit.Id) return Problem.Invalid("id", "the id of a unit cannot change");
        if (unit.Sector != s.Unit.Sector) return Problem.Invalid("sector", "the sector of a unit cannot change; create a new unit");
        var kept = unit with { SelfOwned = s.Unit.SelfOwned, Special = s.Unit.Special };
        var change = new LoopChange(s with { Unit = kept }, now);
        if (unit.Chief != s.Unit.Chief)
        {
            foreach (var task in s.Tasks.Open.ToArray())
            {
                var (book, moved) = change.State.Tasks.Replace(task.Id, t => t with { Chief = unit.Chief });
                change.State = change.State with { Tasks = book };
                if (moved is not null) change.Updated(moved);
            }
        }
        return change.Done();
    }
}
